import { AccountabilityInputError } from './accountability-input-error.js';

// Calendar facts, not standards: a year has four quarters.
const QUARTERS_PER_YEAR = 4;
const QUARTER_PATTERN = /^(?<year>\d{4})Q(?<quarter>[1-4])$/;

/**
 * A calendar quarter such as `2018Q3`. `ordinal` numbers quarters consecutively across years,
 * so 2018Q1's predecessor (ordinal − 1) is 2017Q4.
 */
export interface Quarter {
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: number;
  readonly ordinal: number;
  readonly text: string;
}

function fromOrdinal(ordinal: number): Quarter {
  const year = Math.floor(ordinal / QUARTERS_PER_YEAR);
  const quarter = (ordinal % QUARTERS_PER_YEAR) + 1;
  return { year, quarter, ordinal, text: `${year}Q${quarter}` };
}

/** Quarter arithmetic for the card history. */
export const Quarter = {
  /** Parses `YYYYQn`; anything else is an `AccountabilityInputError`. */
  parse(text: string): Quarter {
    const groups = QUARTER_PATTERN.exec(text)?.groups;
    if (!groups) throw new AccountabilityInputError(`quarter ${JSON.stringify(text)} is not like 2018Q3`);
    return fromOrdinal(Number(groups.year) * QUARTERS_PER_YEAR + Number(groups.quarter) - 1);
  },
  fromOrdinal,
  /** The ordinal of the first quarter of a year. */
  firstOrdinalOfYear(year: number): number {
    return year * QUARTERS_PER_YEAR;
  },
};

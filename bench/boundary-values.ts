/**
 * The values of standards.md (version 1 parameters) that the generator aims at, so a small share
 * of households sits exactly on each boundary. This is test data, like a scenario file: the
 * engine never reads it (its numbers come from the rule sets in rules/).
 */
export const boundaryValues = {
  /** §1 exit-verification line, yuan per person per year. */
  exitLine: { 2014: 2800, 2015: 2968, 2016: 3146, 2017: 3335, 2018: 3535, 2019: 3747, 2020: 4000 } as Readonly<
    Record<number, number>
  >,
  /** §2 compulsory schooling ages (inclusive); the generator also probes one year either side. */
  schoolAge: { min: 6, max: 15 },
  /** §2 water: litres per person per day, round-trip minutes, reliability percent. */
  water: { litres: 40, fetchMinutes: 20, reliabilityPct: 95 },
  /** §5 vehicle value that excludes, yuan; whole family away, months. */
  vehicleValue: 30000,
  awayMonths: 12,
  /** §5 deep poverty is below this share of the line; §6 monitoring below this multiple. */
  deepPovertyShare: 0.6,
  monitorMultiple: 1.5,
  /** §5 minimum length of a public notice, days. */
  noticeDays: 7,
} as const;

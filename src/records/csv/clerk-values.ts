import type { FieldEntry } from '../dictionary/data-dictionary.js';
import { describeValue } from '../parsing/rejected-row.js';
import { render, type Text } from '../../i18n/messages.js';

/**
 * The ways a clerk writes a value in a 台账, turned into the contract's canonical form before
 * the schema sees it, so a Chinese spreadsheet and the JSON Lines give the same verdicts.
 * Only spellings the data dictionary names are translated; anything else is left for the
 * reader to reject, never guessed at.
 */

/** Full-width digits and punctuation an IME types (`５０，０００．５`) as their ASCII forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/** A number as a clerk writes it: `50,000`, `50，000`, full-width digits; `null` when it is none. */
export function clerkNumberText(text: string): string {
  const ascii = halfWidth(text.trim());
  const grouped = GROUPED.exec(ascii);
  return grouped === null ? ascii : `${grouped[1]}${grouped[2]!.replaceAll(',', '')}${grouped[3] ?? ''}`;
}

const YES = new Set(['true', '是']);
const NO = new Set(['false', '否']);

/** `是`/`否` or `true`/`false`; `null` for anything else. */
export function clerkBoolean(text: string): boolean | null {
  const word = halfWidth(text.trim()).toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** `2018/3/1` or `2018年3月1日` as `2018-03-01`; other text is returned as it is, for the schema to judge. */
export function clerkDate(text: string): string {
  const trimmed = halfWidth(text.trim());
  for (const form of DATE_FORMS) {
    const match = form.exec(trimmed);
    if (match !== null) return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  }
  return text;
}

/** The allowed values of an enumeration in both languages, for a rejection: `exited 已脱贫`. */
export function allowedValuesText(entry: FieldEntry): string {
  return (entry.values ?? []).map((v) => `${v.value} ${v.zh}`).join(', ');
}

/**
 * An enumeration's cell: its code (`exited`) or the code's zh name (`已脱贫`) gives the code;
 * anything else is a problem naming every allowed value in both languages.
 */
export function clerkEnum(text: string, entry: FieldEntry): { readonly value: string } | { readonly problem: string; readonly text: Text } {
  const values = entry.values ?? [];
  const trimmed = text.trim();
  const found = values.find((v) => v.value === trimmed || v.zh === trimmed);
  if (found !== undefined) return { value: found.value };
  const problem: Text = { key: 'reject.enum', params: { values: allowedValuesText(entry), got: describeValue(text) } };
  return { problem: render('en', problem), text: problem };
}

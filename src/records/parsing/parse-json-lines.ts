import type { z } from 'zod';
import { recordId, withPlacement, type ParseOptions, type ParseResult } from './parsed-row.js';
import { rejectedRowOf, rejectionFromIssues } from './rejected-row.js';
import { render, type Text } from '../../i18n/messages.js';

/**
 * Parses a JSON Lines file one line at a time: `lines[n-1]` is line `n` of `file`. Blank
 * lines are skipped; a line that is not JSON is rejected with field `(line)`; a record that
 * fails `schema` is rejected with its first issue's dotted path and the count of the others.
 */
export async function* parseJsonLines<T>(
  lines: AsyncIterable<string>,
  file: string,
  schema: z.ZodType<T>,
  options: ParseOptions = {},
): AsyncGenerator<ParseResult<T>> {
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const content = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (content.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch (error) {
      const text: Text = { key: 'reject.notJson', params: { detail: (error as Error).message } };
      yield { ok: false, rejected: rejectedRowOf(file, line, [{ field: '(line)', reason: render('en', text), text }], undefined) };
      continue;
    }
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (parsed.success) yield { ok: true, file, line, record: parsed.data };
    else yield withPlacement(rejectionFromIssues(file, line, parsed.error.issues, recordId(raw, options.idField)), raw);
  }
}

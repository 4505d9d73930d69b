import { describe, expect, it } from 'vitest';
import { HouseholdSchema } from '../../../../src/records/records.js';
import { formatRejectedRow, rejectedRowIn, rejectedRowOf, rejectionFromIssues, type RejectedRow } from '../../../../src/records/parsing/rejected-row.js';
import { parseJsonLines } from '../../../../src/records/parsing/parse-json-lines.js';
import { storeFitProblems } from '../../../../src/adapters/file/store-fit.js';
import { rawHousehold, rawMember } from '../../../helpers/builders.js';
import { parseCsv } from '../../../../src/records/csv/parse-csv.js';
import { householdReferenceCheck } from '../../../../src/records/references/check-references.js';

function rejectionOf(overrides: Record<string, unknown>) {
  const parsed = HouseholdSchema.safeParse(rawHousehold(overrides), { reportInput: true });
  if (parsed.success) throw new Error('expected the household to be rejected');
  return rejectionFromIssues('households.jsonl', 7, parsed.error.issues, 'H1');
}

describe('a rejected row as the terminal says it', () => {
  it('keeps its English reason, as stored, and says it in Chinese under zh', () => {
    const row = rejectionOf({ incomePerCapita: 'abc' });
    expect(row.reason).toBe('expected a number, got "abc"');
    expect(rejectedRowIn('en', row)).toBe(formatRejectedRow(row));
    expect(rejectedRowIn('en', row)).toBe('households.jsonl:7: incomePerCapita: expected a number, got "abc"');
    expect(rejectedRowIn('zh', row)).toBe('households.jsonl:7: incomePerCapita: 应为数字，实为 "abc"');
    expect(JSON.stringify(row)).toBe('{"file":"households.jsonl","line":7,"field":"incomePerCapita","reason":"expected a number, got \\"abc\\"","id":"H1"}');
  });

  it('says an implausible value with its limit, and every problem of the row, in either language', () => {
    const row = rejectionOf({ members: [rawMember({ age: 300 })], plannedExitYear: 0 });
    expect(rejectedRowIn('en', row)).toBe('households.jsonl:7: plannedExitYear: expected at least 1949, got 0; members.0.age: expected at most 150, got 300');
    expect(rejectedRowIn('zh', row)).toBe('households.jsonl:7: plannedExitYear: 应不小于 1949，实为 0；members.0.age: 应不大于 150，实为 300');
  });

  it('says a blank id, a value not allowed and a missing value in Chinese', () => {
    expect(rejectedRowIn('zh', rejectionOf({ householdId: ' ' }))).toMatch(/householdId: 编码不能为空，实为 " "$/);
    expect(rejectedRowIn('zh', rejectionOf({ villageId: undefined }))).toMatch(/villageId: 缺失，应为文本$/);
  });

  it('keeps the English of a reason the catalogue does not hold, and of a row read back from a store', () => {
    const row = rejectedRowOf('households.csv', 3, [{ field: '(line)', reason: 'a reason of elsewhere' }], undefined);
    expect(rejectedRowIn('zh', row)).toBe('households.csv:3: (line): a reason of elsewhere');
    expect(rejectedRowIn('zh', { ...row })).toBe('households.csv:3: (line): a reason of elsewhere');
  });
});

describe('a row the reference checks refuse, as the terminal says it', () => {
  it('names an unknown village and a repeated household in either language, its stored reason English', () => {
    const household = HouseholdSchema.parse(rawHousehold({ householdId: 'H9', villageId: 'V-X' }));
    const check = householdReferenceCheck([]);
    const unknown = check({ file: 'households.jsonl', line: 4, record: household })!;
    expect(unknown.reason).toBe('unknown village "V-X"');
    expect(rejectedRowIn('zh', unknown)).toBe('households.jsonl:4: villageId: 没有这个村："V-X"');
    const duplicate = check({ file: 'households.jsonl', line: 5, record: household })!;
    expect(rejectedRowIn('en', duplicate)).toBe('households.jsonl:5: householdId: duplicate householdId "H9", first on line 4');
    expect(rejectedRowIn('zh', duplicate)).toBe('households.jsonl:5: householdId: 重复的 householdId "H9"，首次出现在第 4 行');
  });
});

describe('a CSV cell that cannot be read, as the terminal says it', () => {
  it('says a number or a yes/no cell in Chinese, its stored reason English', async () => {
    async function* lines() {
      yield 'householdId,villageId,status,incomePerCapita,electricity';
      yield 'H1,V1,poor,abc,也许';
    }
    const results = [];
    for await (const result of parseCsv(lines(), 'households.csv', HouseholdSchema, { idField: 'householdId' })) results.push(result);
    const row = results[0]!.ok ? null : results[0]!.rejected;
    expect(row?.reason).toBe('expected a number, got "abc"; electricity: expected 是/否 or true/false, got "也许"');
    expect(rejectedRowIn('zh', row!)).toBe('households.csv:2: incomePerCapita: 应为数字，实为 "abc"；electricity: 应为 是/否 或 true/false，实为 "也许"');
  });
});

describe('the rest of the reasons a row is refused, as the terminal says them', () => {
  async function rejectedOf(parse: AsyncIterable<{ ok: boolean }>) {
    const rows = [];
    for await (const result of parse) if (!result.ok) rows.push((result as unknown as { rejected: RejectedRow }).rejected);
    return rows;
  }
  async function* textLines(...lines: string[]) {
    yield* lines;
  }

  it('says a JSON Lines line that is not JSON in Chinese, its stored reason English', async () => {
    const [row] = await rejectedOf(parseJsonLines(textLines('{"householdId": '), 'households.jsonl', HouseholdSchema, { idField: 'householdId' }));
    expect(row!.reason).toMatch(/^not valid JSON: /);
    expect(rejectedRowIn('zh', row!)).toMatch(/^households\.jsonl:1: \(line\): 不是有效的 JSON：/);
  });

  it('says a status not allowed, a JSON cell, a row of the wrong width and an unclosed quote in Chinese', async () => {
    const rows = await rejectedOf(
      parseCsv(
        textLines('householdId,villageId,status,members', 'H1,V1,脱贫,', 'H2,V1,poor,[{memberId:m1}]', 'H3,V1,poor,,extra', 'H4,V1,"poor'),
        'households.csv',
        HouseholdSchema,
        { idField: 'householdId' },
      ),
    );
    const zh = rows.map((row) => rejectedRowIn('zh', row));
    expect(rows[0]!.reason).toMatch(/^expected one of poor 未脱贫, .* \/ 应为以下之一, got "脱贫"/);
    expect(zh[0]).toMatch(/^households\.csv:2: status: 应为以下之一：poor 未脱贫, exited 已脱贫, .*；实为 "脱贫"/);
    expect(zh[1]).toMatch(/^households\.csv:3: members: 应为 JSON，实为 "\[\{memberId:m1\}\]"（/);
    expect(rows[2]!.reason).toBe('expected 4 cells as in the header, got 5');
    expect(zh[2]).toBe('households.csv:4: (row): 表头有 4 个单元格，本行有 5 个');
    expect(rows[3]!.reason).toBe('a quote is never closed');
    expect(zh[3]).toBe('households.csv:5: (row): 引号没有闭合');
  });

  it('says a row too big for the store in Chinese, its stored reason English', () => {
    const household = HouseholdSchema.parse(rawHousehold({ householdId: 'H'.repeat(3000) }));
    const [problem] = storeFitProblems('households', household);
    const row = rejectedRowOf('households.jsonl', 2, [problem!], undefined);
    expect(row.reason).toBe('too long to store: it makes a partition key (pk) of 3,010 bytes in UTF-8, more than the 2,048 allowed');
    expect(rejectedRowIn('zh', row)).toBe('households.jsonl:2: householdId: 过长，无法存储：作为分区键（pk）有 3,010 字节（UTF-8），超过允许的 2,048 字节');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLabel } from '../../../src/engine/label-template.js';

interface Labelled {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
}

interface RuleSetFile {
  readonly id: string;
  readonly parameters: Record<string, unknown>;
  readonly items: readonly Labelled[];
  readonly warnings?: readonly Labelled[];
  readonly indicators?: readonly Labelled[];
}

const STANDARDS = ['household-exit', 'village-exit', 'county-exit', 'identification', 'return-risk', 'accountability'];

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const DOC = read('docs/standards.md');
const ruleSet = (id: string): RuleSetFile => JSON.parse(read(`rules/${id}/v1.json`)) as RuleSetFile;

/** The section of docs/standards.md about one rule set: from its `## … (\`<id>\`)` heading to the next `## `. */
function section(id: string): string {
  const lines = DOC.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## ') && line.endsWith(`(\`${id}\`)`));
  if (start < 0) return '';
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe.each(STANDARDS)('docs/standards.md on %s', (id) => {
  const rules = ruleSet(id);

  it('has a section headed with the rule set id', () => {
    expect(section(id)).not.toBe('');
  });

  it('names every item, warning and indicator of version 1 in that section, with its zh and en label as a verdict shows it', () => {
    for (const item of [...rules.items, ...(rules.warnings ?? []), ...(rules.indicators ?? [])]) {
      // Labels quote thresholds through templates: the doc shows the label with the numbers filled in.
      const label = renderLabel(item.label, rules.parameters);
      expect(section(id), item.id).toContain(`\`${item.id}\``);
      expect(section(id), item.id).toContain(label.zh);
      expect(section(id), item.id).toContain(label.en);
    }
  });

  it('names every parameter of version 1 where it states the threshold', () => {
    for (const name of Object.keys(rules.parameters)) {
      expect(section(id), name).toMatch(new RegExp(`\`${name}(\\.[a-zA-Z]+)?\``));
    }
  });
});

describe('the table of poverty lines in docs/standards.md', () => {
  it.each(['household-exit', 'identification', 'return-risk'])('is the exit line of %s v1, year by year', (id) => {
    const table = DOC.split('\n').filter((line) => line.startsWith('| year |') || line.startsWith('| `exitLine` |'));
    const cells = table.map((line) => line.split('|').slice(2, -1).map((cell) => cell.trim()));
    const byYear = (ruleSet(id).parameters.exitLine as { byYear: Record<string, number> }).byYear;
    expect(Object.fromEntries(cells[0]!.map((year, index) => [year, Number(cells[1]![index])]))).toEqual(byYear);
  });
});

import { describe, expect, it } from 'vitest';
import { casesFor } from '../src/rules/draft-types.js';
import { diffPaths, fieldOf, formatJson, getAt, parseJsonText, setAt, type Json } from '../src/rules/draft-paths.js';

const draft: Json = { parameters: { exitLine: { byYear: { '2018': 3535 } } }, items: [{ id: 'a', conditions: { all: [{ fact: 'x' }, { fact: 'y' }] } }] };

describe('a draft edited by the paths the gate names its problems with', () => {
  it('reads and writes a value by its dotted path, copying only the containers on the way', () => {
    const next = setAt(draft, 'parameters.exitLine.byYear.2018', 4200);
    expect(getAt(next, 'parameters.exitLine.byYear.2018')).toBe(4200);
    expect(getAt(draft, 'parameters.exitLine.byYear.2018')).toBe(3535);
    expect((next as { items: unknown }).items).toBe((draft as { items: unknown }).items);
  });

  it('adds a new year as one new cell, and removes an element of a list', () => {
    expect(getAt(setAt(draft, 'parameters.exitLine.byYear.2021', 4100), 'parameters.exitLine.byYear')).toEqual({ '2018': 3535, '2021': 4100 });
    expect(getAt(setAt(draft, 'items.0.conditions.all.0', undefined), 'items.0.conditions.all')).toEqual([{ fact: 'y' }]);
  });

  it('shows a problem at the field of its path or the nearest field above it, and nowhere when no field holds it', () => {
    const fields = new Set(['parameters.exitLine.byYear', 'items.0.conditions', 'items.0.conditions.all.1']);
    expect(fieldOf('parameters.exitLine.byYear', fields)).toBe('parameters.exitLine.byYear');
    expect(fieldOf('items.0.conditions.all.1.operator', fields)).toBe('items.0.conditions.all.1');
    expect(fieldOf('items.0.conditions.any', fields)).toBe('items.0.conditions');
    expect(fieldOf('outcomeLabels.pass.zh', fields)).toBeNull();
    expect(fieldOf(undefined, fields)).toBeNull();
  });

  it('reads the JSON pane back, or says on which line it stops being JSON', () => {
    expect(parseJsonText(formatJson(draft))).toEqual({ ok: true, value: draft });
    const broken = parseJsonText('{\n  "a": 1,\n  "b": }\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok && broken.line !== null) expect(broken.line).toBe(3);
  });
});

describe('the cases travelling with a draft', () => {
  it('are named for the draft id and version, and left as they are when they already are', () => {
    const file = { ruleSetId: 'household-exit', version: 2, cases: [] };
    expect(casesFor(file, { id: 'household-exit', version: 3 })).toEqual({ ruleSetId: 'household-exit', version: 3, cases: [] });
    expect(casesFor(file, { id: 'household-exit', version: 2 })).toBe(file);
  });
});

describe('the diff of a draft to the version before', () => {
  it('names each leaf that differs by its path, with both values', () => {
    const after = setAt(setAt(draft, 'parameters.exitLine.byYear.2018', 4200), 'parameters.exitLine.byYear.2021', 4100);
    expect(diffPaths(draft, after)).toEqual([
      { path: 'parameters.exitLine.byYear.2018', before: 3535, after: 4200 },
      { path: 'parameters.exitLine.byYear.2021', before: undefined, after: 4100 },
    ]);
    expect(diffPaths(draft, draft)).toEqual([]);
    expect(diffPaths({ list: ['A', 'B'] }, { list: ['A'] })).toEqual([{ path: 'list', before: ['A', 'B'], after: ['A'] }]);
  });
});

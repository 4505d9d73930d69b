import { message, type Lang } from '../../i18n/messages.js';
import type { DraftOverview } from '../../ports/rule-draft-store.js';
import type { Stores } from '../../ports/stores.js';
import type { CarriedCasesRun } from '../../use-cases/rule-drafts/carried-cases.js';
import type { DraftActor } from '../../use-cases/rule-drafts/draft-setting.js';
import { UsageError } from '../options/command-line.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { defaultCasesFile, previewProgress } from './rules-options.js';
import { gateSetting } from './gate-setting.js';
import { readJsonIfPresent, type RulesIo } from './rules-io.js';
import { EVALUATORS } from '../../engine/evaluators.js';

/** `ID DRAFT` as the draft commands take them, the id a known standard. */
export function draftRef(positionals: readonly string[], extra = 0): { ruleSetId: string; draftId: string; rest: string[] } {
  if (positionals.length !== 2 + extra) {
    if (positionals.length === 0) throw new UsageError('usage.draftRef', { got: '' });
    throw new UsageError('usage.draftRef', {}, { got: ['usage.got', { given: positionals.join(' ') }] });
  }
  const [ruleSetId, draftId, ...rest] = positionals as [string, string, ...string[]];
  if (!isStandardId(ruleSetId)) throw new UsageError('usage.noStandard', { id: JSON.stringify(ruleSetId) });
  return { ruleSetId, draftId, rest };
}

/**
 * The CLI's actor: the officer named by --author, the gate told what the store and the
 * repository hold (as `rules publish` tells it), and the repository's cases for a version
 * published without them.
 */
export function cliActor(stores: Stores, io: RulesIo, values: { years?: unknown; quarter?: unknown; progress?: unknown; lang?: unknown }, by: string): DraftActor {
  return {
    stores,
    by,
    now: io.now(),
    settingFor: async (document) => ({
      ...(await gateSetting(stores, io, values, document)),
      evaluator: EVALUATORS.compiled,
      onPreviewProgress: previewProgress(values as Parameters<typeof previewProgress>[0]),
    }),
  };
}

/** The repository's reviewed cases of a version, for a store seeded before seeding kept them. */
export const repositoryCases = (io: RulesIo) => async (id: string, version: number) => (await readJsonIfPresent(defaultCasesFile(io.repository, id, version))) ?? null;

/** A draft for people: its line, where it started, and its steps. */
export function draftText(lang: Lang, draft: DraftOverview): string {
  const cases = draft.cases && Array.isArray((draft.cases as { cases?: unknown }).cases) ? String((draft.cases as { cases: unknown[] }).cases.length) : message(lang, 'draft.noCases');
  const lines = [
    message(lang, 'draft.line', { id: draft.ruleSetId, draftId: draft.draftId, version: String(draft.ruleSet.version ?? '?'), status: message(lang, `draftStatus.${draft.status}`), author: draft.author }),
    draft.baseVersion === null ? message(lang, 'draft.noBase', { cases }) : message(lang, 'draft.base', { base: draft.baseVersion, cases }),
    ...draft.steps.map((step) =>
      message(lang, 'draft.step', { at: step.at, action: step.action, by: step.by, self: step.selfApproved ? message(lang, 'draft.selfApproved') : '', note: step.note }),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The carried cases side by side: each case's expectation, the version in force's result and the draft's. */
export function casesText(lang: Lang, run: CarriedCasesRun, version: unknown): string {
  const none = message(lang, 'cases.none');
  const lines = [message(lang, 'cases.title', { id: run.ruleSetId, version: String(version) })];
  for (const c of run.cases) {
    const mark = !c.passes ? '✗' : c.changed ? '~' : '✓';
    lines.push(message(lang, 'cases.row', { mark, name: c.name, year: c.year, expected: c.expected.outcome, before: c.before?.outcome ?? none, after: c.after?.outcome ?? none }));
    if (c.changed && c.before && c.after) {
      const items = Object.keys(c.after.items).filter((id) => c.before!.items[id] !== c.after!.items[id]);
      if (items.length > 0) lines.push(message(lang, 'cases.items', { items: items.map((id) => `${id} ${c.before!.items[id] ?? none} → ${c.after!.items[id]}`).join(', ') }));
    }
    if (!c.passes) lines.push(message(lang, 'cases.differences', { differences: c.differences.join('; ') }));
  }
  lines.push(message(lang, 'cases.summary', { total: run.cases.length, changed: run.changed, failing: run.failing }));
  return `${lines.join('\n')}\n`;
}

/** `--confirm NAME …` / `--confirm-all`: the names, null for every failing case, or undefined when nothing is to be confirmed. */
export function confirmOption(values: { confirm?: string[] | undefined; 'confirm-all'?: boolean | undefined }): string[] | null | undefined {
  const names = values.confirm ?? [];
  if (names.length > 0 && values['confirm-all']) throw new UsageError('usage.confirm');
  if (values['confirm-all']) return null;
  return names.length > 0 ? names : undefined;
}

/** A draft or cases file must hold a JSON object. */
export function asObject(value: unknown, file: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new UsageError('usage.notObject', { file });
}

import { randomUUID } from 'node:crypto';
import { RuleSetNotFoundError } from '../../engine/errors.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { DraftStep, RuleDraft } from '../../ports/rule-draft-store.js';
import type { PublishedRuleSet } from '../../ports/stores.js';
import { casesOf } from '../rule-publishing/published-entry.js';
import { rollbackDraft } from '../rule-publishing/rollback-rule-set.js';
import { DraftNotFoundError } from './draft-errors.js';
import type { DraftActor } from './draft-setting.js';

/** Where a new draft's content comes from. */
export interface DraftOrigin {
  readonly ruleSetId: string;
  /** Start from another draft's content and cases (a rejected one, to try again); else from the version in force. */
  readonly fromDraft?: string | undefined;
  /** A rollback: the content of this earlier version, with its stored cases. */
  readonly rollbackTo?: number | undefined;
  readonly note?: string | undefined;
  /**
   * The cases of a version that was published without them (the reviewed version 1, seeded
   * before seeding stored cases): the repository's `test/scenarios/<id>/v<N>.cases.json` where
   * the caller has the repository, else nothing and the draft starts without cases.
   */
  readonly casesOfVersion?: ((ruleSetId: string, version: number) => Promise<unknown>) | undefined;
}

/** Cases written for one version, relabelled for the draft's: the same cases, carried over. */
export function carriedCases(cases: unknown, ruleSetId: string, version: number): Record<string, unknown> | null {
  if (typeof cases !== 'object' || cases === null || Array.isArray(cases)) return null;
  return { ...(cases as Record<string, unknown>), ruleSetId, version };
}

/** The content an editor starts from: `$schema` only points an editor at the schema file. */
function editable(ruleSet: RuleSet, version: number): Record<string, unknown> {
  const { $schema: _hint, ...content } = structuredClone(ruleSet);
  return { ...content, version };
}

async function storedCases(entry: PublishedRuleSet, origin: DraftOrigin): Promise<unknown> {
  return casesOf(entry) ?? (origin.casesOfVersion ? await origin.casesOfVersion(entry.ruleSet.id, entry.ruleSet.version) : null);
}

/**
 * A new draft of the next version of a rule set, by `actor.by`: the content of the version in
 * force today with its scenario cases carried over (relabelled for the next version), or of
 * another draft, or — a rollback — of an earlier version with that version's cases. The draft
 * is numbered the latest version + 1; it is its author's to edit until submitted.
 */
export async function createDraft(actor: DraftActor, origin: DraftOrigin): Promise<RuleDraft> {
  const { stores, now } = actor;
  const versions = await stores.ruleSets.listVersions(origin.ruleSetId);
  if (versions.length === 0) return createFirstDraft(actor, origin);
  const latest = versions.at(-1)!.ruleSet.version;
  const next = latest + 1;
  const today = now.toISOString().slice(0, 10);
  const inForce = versions.some((v) => v.ruleSet.effectiveFrom <= today) ? selectVersionInForce(versions.map((v) => v.ruleSet), today) : versions.at(-1)!.ruleSet;
  const base = versions.find((v) => v.ruleSet.version === inForce.version)!;
  let ruleSet: Record<string, unknown>;
  let cases: Record<string, unknown> | null;
  let baseVersion = base.ruleSet.version;
  if (origin.rollbackTo !== undefined) {
    ruleSet = editable(rollbackDraft(versions.map((v) => v.ruleSet), origin.rollbackTo, origin.note ?? ''), next);
    const target = versions.find((v) => v.ruleSet.version === origin.rollbackTo)!;
    cases = carriedCases(await storedCases(target, origin), origin.ruleSetId, next);
    baseVersion = latest;
  } else if (origin.fromDraft !== undefined) {
    const from = await stores.drafts.overview(origin.ruleSetId, origin.fromDraft);
    if (!from) throw new DraftNotFoundError(origin.ruleSetId, origin.fromDraft);
    ruleSet = { ...structuredClone(from.ruleSet), version: next };
    cases = carriedCases(from.cases, origin.ruleSetId, next);
  } else {
    ruleSet = editable(base.ruleSet, next);
    cases = carriedCases(await storedCases(base, origin), origin.ruleSetId, next);
  }
  const said = origin.rollbackTo !== undefined ? `rollback to version ${origin.rollbackTo}` : origin.fromDraft !== undefined ? `from draft ${origin.fromDraft}` : `from version ${baseVersion}`;
  return storeDraft(actor, origin, { ruleSet, cases, baseVersion, note: origin.note?.trim() || said });
}

/**
 * The draft of a standard the store holds no version of: its first version, written from
 * nothing (a county's own standard, or a store not seeded). A rollback has nothing to go back to.
 */
async function createFirstDraft(actor: DraftActor, origin: DraftOrigin): Promise<RuleDraft> {
  if (origin.rollbackTo !== undefined) throw new RuleSetNotFoundError(origin.ruleSetId, 'no version is published');
  if (origin.fromDraft === undefined) {
    return storeDraft(actor, origin, { ruleSet: { id: origin.ruleSetId, version: 1 }, cases: null, baseVersion: null, note: origin.note?.trim() || 'first version' });
  }
  const from = await actor.stores.drafts.overview(origin.ruleSetId, origin.fromDraft);
  if (!from) throw new DraftNotFoundError(origin.ruleSetId, origin.fromDraft);
  return storeDraft(actor, origin, { ruleSet: { ...structuredClone(from.ruleSet), version: 1 }, cases: carriedCases(from.cases, origin.ruleSetId, 1), baseVersion: null, note: origin.note?.trim() || `from draft ${origin.fromDraft}` });
}

async function storeDraft(
  actor: DraftActor,
  origin: DraftOrigin,
  start: { ruleSet: Record<string, unknown>; cases: Record<string, unknown> | null; baseVersion: number | null; note: string },
): Promise<RuleDraft> {
  const { stores, by, now } = actor;
  const { ruleSet, cases, baseVersion, note } = start;
  const at = now.toISOString();
  const step: DraftStep = { action: 'create', by, at, note, status: 'draft' };
  const draft: RuleDraft = {
    draftId: randomUUID(),
    ruleSetId: origin.ruleSetId,
    baseVersion,
    rollbackTo: origin.rollbackTo ?? null,
    status: 'draft',
    author: by,
    createdAt: at,
    updatedAt: at,
    ruleSet,
    cases,
    steps: [step],
    publishedVersion: null,
  };
  await stores.drafts.create(draft);
  return draft;
}

import type { ItemEvaluator } from '../../engine/evaluators.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RuleDraftStore } from '../../ports/rule-draft-store.js';
import type { GateStores } from '../rule-publishing/run-publish-gate.js';

/** What the draft steps work on: the gate's stores and the drafts. */
export interface DraftStores extends GateStores {
  readonly drafts: RuleDraftStore;
}

/** What the gate is told about a draft: the reviewed versions beside the store's, the years it judges, the preview's quarter. */
export interface DraftGateSetting {
  readonly reviewed: readonly RuleSet[];
  readonly years: readonly number[];
  readonly quarter?: string | undefined;
  readonly evaluator: ItemEvaluator;
  readonly onPreviewProgress?: (countiesDone: number, countiesTotal: number) => void;
}

/** The setting for a draft's content: the CLI reads the repository's reviewed versions, the API the store alone. */
export type SettingFor = (document: unknown) => Promise<DraftGateSetting>;

/** Everything a step needs beside its own arguments: the stores, who acts, when, and the gate's setting. */
export interface DraftActor {
  readonly stores: DraftStores;
  /** The signing principal (API) or the named officer (CLI). */
  readonly by: string;
  readonly now: Date;
  readonly settingFor: SettingFor;
}

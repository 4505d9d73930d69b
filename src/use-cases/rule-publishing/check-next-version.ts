import type { RuleSet } from '../../engine/rule-set-schema.js';
import { gateStep, type GateStep } from './gate-report.js';

/**
 * Versions are published in sequence: the draft must be the latest published version + 1
 * (1 for a standard the store holds none of). A gap or a taken number is refused here; two
 * publishers racing for the same next number are settled by the store's conditional write.
 */
export function checkNextVersion(draft: RuleSet, published: readonly RuleSet[]): GateStep {
  const latest = Math.max(0, ...published.filter((v) => v.id === draft.id).map((v) => v.version));
  const next = latest + 1;
  if (draft.version === next) return gateStep('version', `v${draft.version} is the next version of ${draft.id}`);
  const why =
    draft.version <= latest
      ? `version ${draft.version} of ${draft.id} is already published (published versions never change)`
      : `version ${draft.version} would leave a gap`;
  const state = latest === 0 ? `the store holds no version of ${draft.id}` : `the latest published version is ${latest}`;
  return gateStep('version', `v${draft.version} is not the next version of ${draft.id}`, [{ path: 'version', message: `${why}: ${state}, so the next is ${next}` }]);
}

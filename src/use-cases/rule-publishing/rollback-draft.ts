import { RuleSetNotFoundError } from '../../engine/errors.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { RollbackRefusedError } from './publishing-errors.js';

/**
 * The next version of a standard with the content of version `to` (items, parameters,
 * decision, labels…), so history is never rewritten: a rollback is a new version. It takes
 * effect on the latest `effectiveFrom` of any version (at least the latest version's), and as
 * the highest version number it wins the ties of that day: from then on it is in force, and
 * earlier days keep the versions they had.
 */
export function rollbackDraft(versions: readonly RuleSet[], to: number, note: string): RuleSet {
  const id = versions[0]?.id ?? 'unknown';
  const target = versions.find((v) => v.version === to);
  if (!target) throw new RuleSetNotFoundError(id, `version ${to} is not published`);
  const latest = Math.max(...versions.map((v) => v.version));
  if (to === latest) throw new RollbackRefusedError(id, to, 'it is the latest version already');
  const effectiveFrom = versions.map((v) => v.effectiveFrom).reduce((a, b) => (a > b ? a : b));
  return { ...structuredClone(target), version: latest + 1, effectiveFrom, changeNote: `rollback to version ${to}: ${note}` };
}

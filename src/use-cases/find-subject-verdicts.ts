import type { SubjectType, Verdict } from '../engine/verdict.js';
import type { VerdictStore } from '../ports/verdict-store.js';
import { VerdictsNotFoundError } from './use-case-errors.js';

/** The latest stored verdicts of a subject, by standard then year; none stored is not found. */
export async function findSubjectVerdicts(verdicts: VerdictStore, subjectType: SubjectType, subjectId: string): Promise<Verdict[]> {
  const found = await verdicts.getSubjectVerdicts(subjectType, subjectId);
  if (found.length === 0) throw new VerdictsNotFoundError(subjectType, subjectId);
  return [...found].sort((a, b) => (a.ruleSetId < b.ruleSetId ? -1 : a.ruleSetId > b.ruleSetId ? 1 : a.year - b.year));
}

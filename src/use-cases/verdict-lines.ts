import type { Verdict } from '../engine/verdict.js';
import { JsonText } from '../kernel/json-text.js';

/** What orders a verdict in the output (README "Inputs and outputs") and counts it in the summary. */
export type VerdictHead = Pick<Verdict, 'subjectType' | 'subjectId' | 'ruleSetId' | 'outcome'>;

/** A verdict as an output file takes it: its head, and its JSON text, written once. */
export interface VerdictLine extends VerdictHead {
  readonly json: JsonText;
}

/** The line of a verdict; `json` when its text is at hand already (it must be `JSON.stringify(verdict)`). */
export function verdictLine(verdict: Verdict, json = JSON.stringify(verdict)): VerdictLine {
  return { subjectType: verdict.subjectType, subjectId: verdict.subjectId, ruleSetId: verdict.ruleSetId, outcome: verdict.outcome, json: new JsonText(json) };
}

/** The verdict a line holds. */
export function verdictOfLine(line: VerdictLine): Verdict {
  return JSON.parse(line.json.text) as Verdict;
}

/*
 * A verdict line in a scratch file: its head as a short JSON array, a tab, then the verdict's
 * JSON. JSON text never holds a raw tab, so the first tab ends the head; reading a line back
 * parses only the head.
 */

/** The scratch-file text of a verdict: head, tab, JSON. */
export function scratchLineOf(verdict: Verdict): string {
  return `${JSON.stringify([verdict.subjectType, verdict.subjectId, verdict.ruleSetId, verdict.outcome])}\t${JSON.stringify(verdict)}`;
}

/** The verdict line of a scratch-file line written by `scratchLineOf`, as text or as its UTF-8 bytes. */
export function lineOfScratch(line: string | Buffer): VerdictLine {
  const tab = typeof line === 'string' ? line.indexOf('\t') : line.indexOf(TAB);
  const head = typeof line === 'string' ? line.slice(0, tab) : line.toString('utf8', 0, tab);
  const [subjectType, subjectId, ruleSetId, outcome] = JSON.parse(head) as [Verdict['subjectType'], string, string, Verdict['outcome']];
  return { subjectType, subjectId, ruleSetId, outcome, json: new JsonText(typeof line === 'string' ? line.slice(tab + 1) : line.subarray(tab + 1)) };
}

const TAB = 0x09;

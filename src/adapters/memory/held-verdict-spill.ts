import type { SubjectType, Verdict } from '../../engine/verdict.js';
import { compareVerdicts, type HeldVerdicts } from '../../use-cases/export-run.js';
import { SpillFile, type SpillSpan } from '../file/spill-file.js';

interface HeldKey {
  readonly subjectType: SubjectType;
  readonly subjectId: string;
  readonly ruleSetId: string;
  readonly span: SpillSpan;
}

/**
 * The village verdicts an export holds back until every partition has been read (`village`
 * sorts last), kept in a scratch file: a province's villages give thousands of verdicts with
 * their explanations, which the heap carried to the end of the export. In memory stay the
 * keys that sort them and where each one sits; each is read back once, in order.
 */
export class HeldVerdictSpill implements HeldVerdicts {
  private readonly held: HeldKey[] = [];

  constructor(private readonly spill = new SpillFile()) {}

  add(verdict: Verdict): void {
    const { subjectType, subjectId, ruleSetId } = verdict;
    this.held.push({ subjectType, subjectId, ruleSetId, span: this.spill.append(JSON.stringify(verdict)) });
  }

  *inOrder(): Iterable<Verdict> {
    for (const key of this.held.sort(compareVerdicts)) yield JSON.parse(this.spill.read(key.span)) as Verdict;
  }
}

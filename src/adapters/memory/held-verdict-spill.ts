import { JsonText } from '../../kernel/json-text.js';
import { compareVerdicts, type HeldVerdicts } from '../../use-cases/export-run.js';
import type { VerdictHead, VerdictLine } from '../../use-cases/verdict-lines.js';
import { SpillFile, type SpillSpan } from '../file/spill-file.js';

/** A held verdict's head, and where its text sits. */
type HeldKey = VerdictHead & { readonly span: SpillSpan };

/**
 * The village verdicts an export holds back until every partition has been read (`village`
 * sorts last), kept in a scratch file: a province's villages give thousands of verdicts with
 * their explanations, which the heap carried to the end of the export. In memory stay the
 * keys that sort them and where each one's text sits; each is read back once, in order, as
 * bytes for the output file.
 */
export class HeldVerdictSpill implements HeldVerdicts {
  private readonly held: HeldKey[] = [];

  constructor(private readonly spill = new SpillFile()) {}

  add(line: VerdictLine): void {
    const { subjectType, subjectId, ruleSetId, outcome } = line;
    this.held.push({ subjectType, subjectId, ruleSetId, outcome, span: this.spill.append(line.json.raw) });
  }

  *inOrder(): Iterable<VerdictLine> {
    for (const key of this.held.sort(compareVerdicts)) {
      const { subjectType, subjectId, ruleSetId, outcome } = key;
      yield { subjectType, subjectId, ruleSetId, outcome, json: new JsonText(this.spill.readBytes(key.span)) };
    }
  }
}

import type { Verdict } from '../../engine/verdict.js';
import type { JudgedVerdicts } from '../../use-cases/export-run.js';
import { lineOfScratch, scratchLineOf, type VerdictLine } from '../../use-cases/verdict-lines.js';
import { forEachLine, SpillFile, type SpillSpan } from '../file/spill-file.js';

/**
 * The verdicts a run judges, village by village, kept in a scratch file as they are judged so
 * that `tuopin score`'s export streams them instead of reading every verdict back from the
 * store (on the embedded store that read was a large part of a re-run). Villages whose
 * verdicts did not change are kept too: the run judges every household anyway, and the store
 * holds the same verdicts for them. Each verdict is kept as its JSON text behind a short head
 * (`scratchLineOf`), and goes into the output file as those bytes: it is written as JSON once.
 * In memory stays one span per village; a partition is read once and then dropped.
 *
 * A village judged from a named inputs digest, or kept with lines cached under one, stays
 * listed with it (`marked`), so the command can cache the lines for the next run.
 */
export class JudgedVerdictSpill implements JudgedVerdicts {
  private readonly spill = new SpillFile();
  private readonly partitions = new Map<string, SpillSpan>();
  private readonly inputs = new Map<string, { readonly inputs: string; readonly span: SpillSpan }>();

  /** The hook for the nightly run (`onVillageVerdicts`); a village judged again replaces its earlier verdicts. */
  readonly add = (villageId: string, verdicts: readonly Verdict[], inputs?: string): void => {
    this.hold(villageId, this.spill.appendLineTexts(verdicts.map(scratchLineOf)), inputs);
  };

  /** A village kept as stored, with the lines a run judged from the same inputs (`JudgedLinesCache`), as they were kept then. */
  keep(villageId: string, inputs: string, lines: Buffer): void {
    this.hold(villageId, this.spill.append(lines), inputs);
  }

  private hold(villageId: string, span: SpillSpan, inputs: string | undefined): void {
    this.partitions.set(villageId, span);
    if (inputs === undefined) this.inputs.delete(villageId);
    else this.inputs.set(villageId, { inputs, span });
  }

  /** Each village held with an inputs digest, and its lines as kept. */
  *marked(): Iterable<{ villageId: string; inputs: string; bytes: Buffer }> {
    for (const [villageId, { inputs, span }] of this.inputs) yield { villageId, inputs, bytes: this.spill.readBytes(span) };
  }

  take(partition: string): readonly VerdictLine[] | undefined {
    const span = this.partitions.get(partition);
    if (span === undefined) return undefined;
    this.partitions.delete(partition);
    // Bytes, not text: the verdicts' JSON goes to the output file as it is, never into the heap.
    const bytes = this.spill.readBytes(span);
    const lines: VerdictLine[] = [];
    forEachLine(bytes, (start, end) => lines.push(lineOfScratch(bytes.subarray(start, end))));
    return lines;
  }

  get size(): number {
    return this.partitions.size;
  }
}

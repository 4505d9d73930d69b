import { fileChunks } from '../adapters/file/file-chunks.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Verdict } from '../engine/verdict.js';
import { readLines } from '../records/parsing/read-lines.js';
import { TuopinError } from '../kernel/errors.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import { ReportModelBuilder, type ReportModel, type RunFacts } from './report-model.js';

/** An output file is missing or is not what a run writes. */
export class RunOutputReadError extends TuopinError {
  constructor(
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('RUN_OUTPUT_READ', `cannot read the run output ${file}: ${detail}`, options);
  }
}

/** Each JSON line of a file, parsed, one at a time (the file is never held whole). */
async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  let lineNumber = 0;
  try {
    for await (const line of readLines(fileChunks(file))) {
      lineNumber += 1;
      if (line.trim().length > 0) yield JSON.parse(line) as T;
    }
  } catch (error) {
    throw new RunOutputReadError(file, lineNumber === 0 ? (error as Error).message : `line ${lineNumber}: ${(error as Error).message}`, { cause: error });
  }
}

async function runFacts(file: string): Promise<RunFacts> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunFacts;
  } catch (error) {
    throw new RunOutputReadError(file, (error as Error).message, { cause: error });
  }
}

/**
 * The report model of an output folder, streamed from the files of README "Inputs and outputs"
 * (`verdicts.jsonl`, `scores.jsonl`, `accountability.jsonl`, `summary.json`): the files are the
 * contract, whatever produced them.
 */
export async function readRunOutput(outDir: string): Promise<ReportModel> {
  // Household rows go to a scratch file: a province's failing households never sit in the heap.
  const builder = new ReportModelBuilder({ spill: true });
  for await (const verdict of jsonLines<Verdict>(join(outDir, 'verdicts.jsonl'))) builder.addVerdict(verdict);
  for await (const score of jsonLines<ScoreRow>(join(outDir, 'scores.jsonl'))) builder.addScore(score);
  for await (const row of jsonLines<ListRow>(join(outDir, 'accountability.jsonl'))) builder.addListRow(row);
  return builder.build(await runFacts(join(outDir, 'summary.json')));
}

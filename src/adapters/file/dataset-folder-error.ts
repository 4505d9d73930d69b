import { TuopinError } from '../../kernel/errors.js';
import { render, type Text } from '../../i18n/messages.js';

/**
 * A dataset folder that cannot be read as a dataset: absent, missing a required file, or holding
 * one kind twice. The problem is a catalogue text (`folder.*`), so the command says it in the
 * clerk's language; the message keeps its English.
 */
export class DatasetFolderError extends TuopinError {
  /** The problem in English, as the message says it. */
  readonly problem: string;

  constructor(
    readonly dir: string,
    readonly problemText: Text,
    options?: { cause?: unknown },
  ) {
    const problem = render('en', problemText);
    super('DATASET_FOLDER', `dataset folder ${dir}: ${problem}`, options);
    this.problem = problem;
  }
}

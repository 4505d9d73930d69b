import { TuopinError } from '../../kernel/errors.js';

/** A dataset folder that cannot be read as a dataset: absent, missing a required file, or holding one kind twice. */
export class DatasetFolderError extends TuopinError {
  constructor(
    readonly dir: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super('DATASET_FOLDER', `dataset folder ${dir}: ${problem}`, options);
  }
}

import { TuopinError } from '../kernel/errors.js';

/**
 * A dataset with no household at all (an empty or header-only households file, or every row
 * rejected): importing it would judge villages and counties with nobody in them, so it is
 * refused before anything is written.
 */
export class EmptyDatasetError extends TuopinError {
  constructor(readonly rejectedRows: number) {
    super(
      'DATASET_EMPTY',
      `数据集没有任何农户，拒绝导入 the dataset has no household (households file empty or header only` +
        `${rejectedRows > 0 ? `, or all of its rows rejected: ${rejectedRows} rows rejected` : ''}); nothing was imported`,
    );
  }
}

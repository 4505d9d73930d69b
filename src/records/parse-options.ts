/** Options shared by the dataset file parsers. */
export interface ParseOptions {
  /** The field holding the row's own id (`householdId`), copied onto rejections to name the row. */
  readonly idField?: string;
}

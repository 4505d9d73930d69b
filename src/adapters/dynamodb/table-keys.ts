/*
 * The single table's keys and index as plain data, with no AWS SDK behind them: the CDK stack
 * (infra/constructs/tuopin-table.ts, which must not load the SDK) and `ensureTable`
 * (table-definition.ts, the local and test tables) both read this, so the deployed table and a
 * local one cannot differ.
 */

/** The index every collection is read through (see ACCESS-PATTERNS.md). */
export const INDEX_NAME = 'gsi1';

/**
 * What `gsi1` copies besides the keys: what its readers read and nothing more. Listings read an
 * entity's `data` (counties, townships, villages, units, households, runs); the removal of a
 * village's tallies reads a header's `quarter`, `countyId`, `hash` and `chunks`. A tally header
 * keeps its content under `tally`, which is not copied; a verdict has no entry at all (older
 * verdict items that have one hold their content under `verdict` or `data` and are never read
 * through the index).
 */
export const INDEX_ATTRIBUTES = ['kind', 'data', 'quarter', 'countyId', 'hash', 'chunks'] as const;

/** The table's keys; all key attributes are strings (`S`). */
export const TABLE_KEYS = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: INDEX_NAME,
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: 'INCLUDE',
      nonKeyAttributes: INDEX_ATTRIBUTES,
    },
  ],
} as const;

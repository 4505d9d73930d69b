import { itemLimitBreaches, type ItemLimitBreach, type KeyAttribute } from '../dynamodb/item-size.js';
import { cardItem, countyItem, householdItem, townshipItem, unitItem, villageItem, type Item } from '../dynamodb/mappers.js';
import type { RecordKind, RecordOf } from '../../records/schemas/record-kinds.js';
import type { RowProblem } from '../../records/parsing/rejected-row.js';
import { render, type Text } from '../../i18n/messages.js';

/** How a record of one kind is stored, and which of its fields fills each key attribute. */
interface StoredAs<K extends RecordKind> {
  readonly item: (record: RecordOf<K>) => Item;
  readonly keyFields: Partial<Record<KeyAttribute, string>>;
}

// The items the DynamoDB record and accountability stores write, built by their own mappers, so
// the size checked is the size written.
const STORED_AS: { readonly [K in RecordKind]: StoredAs<K> } = {
  counties: { item: countyItem, keyFields: { pk: 'countyId', gsi1sk: 'countyId' } },
  townships: { item: townshipItem, keyFields: { pk: 'townshipId', gsi1pk: 'countyId', gsi1sk: 'townshipId' } },
  units: { item: unitItem, keyFields: { pk: 'unitId', gsi1pk: 'countyId', gsi1sk: 'unitId' } },
  villages: { item: villageItem, keyFields: { pk: 'villageId', gsi1pk: 'countyId', gsi1sk: 'villageId' } },
  households: { item: householdItem, keyFields: { pk: 'householdId', gsi1pk: 'villageId', gsi1sk: 'householdId' } },
  cardHistory: { item: cardItem, keyFields: { pk: 'unitId', sk: 'quarter' } },
};

const bytes = (n: number): string => n.toLocaleString('en-US');

/** A problem whose reason is a catalogue text; its English is the stored reason. */
const said = (field: string, text: Text): RowProblem => ({ field, reason: render('en', text), text });

function problemOf(breach: ItemLimitBreach, keyFields: Partial<Record<KeyAttribute, string>>): RowProblem {
  if (breach.limit === 'item') {
    const largest = breach.largest?.path.startsWith('data.') ? { ...breach.largest, path: breach.largest.path.slice('data.'.length) } : null;
    const where: Text | string = largest === null ? '' : { key: 'reject.recordTooBig.where', params: { path: largest.path, bytes: bytes(largest.bytes) } };
    return said(largest?.path ?? '(record)', { key: 'reject.recordTooBig', params: { bytes: bytes(breach.bytes), max: bytes(breach.max), where } });
  }
  const which: Text = { key: breach.limit === 'partition-key' ? 'reject.key.partition' : 'reject.key.sort' };
  return said(keyFields[breach.attribute] ?? '(record)', { key: 'reject.keyTooLong', params: { which, attribute: breach.attribute, bytes: bytes(breach.bytes), max: bytes(breach.max) } });
}

/**
 * Why a record would not fit the store, or nothing: the item the DynamoDB stores would write
 * for it, checked against DynamoDB's limits (400 KB per item, 2,048 bytes per partition key,
 * 1,024 per sort key, in UTF-8 bytes). A dataset reader applies it to every row whatever store
 * is in use, so the memory and DynamoDB stores hold the same records and one oversized row is
 * rejected by file and line instead of failing a whole batch write.
 */
export function storeFitProblems<K extends RecordKind>(kind: K, record: RecordOf<K>): RowProblem[] {
  const storedAs = STORED_AS[kind] as StoredAs<K>;
  const problems: RowProblem[] = [];
  for (const breach of itemLimitBreaches(storedAs.item(record))) {
    const problem = problemOf(breach, storedAs.keyFields);
    // One id can fill two keys (`pk` and `gsi1sk`): name it once.
    if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  return problems;
}

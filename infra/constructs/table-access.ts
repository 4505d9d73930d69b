import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { INDEX_NAME } from '../../src/adapters/dynamodb/table-keys.js';

/** The DynamoDB actions the functions use. No Scan: no access pattern reads the whole table. */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'BatchWriteItem' | 'UpdateItem' | 'DeleteItem';

/** The actions that change the table: each must be bounded by key prefixes. */
export const WRITE_ACTIONS: readonly TableAction[] = ['PutItem', 'BatchWriteItem', 'UpdateItem', 'DeleteItem'];

/**
 * What one function may do to the table, by action, as `dynamodb:LeadingKeys` patterns
 * (IAM `StringLike`: `*` matches anything, ids included). On the table the leading key is
 * `pk`; on `gsi1` it is `gsi1pk`, so index queries get their own list.
 */
export interface TableAccess {
  /** Per action on the table: the `pk` patterns it may touch. */
  readonly table: Readonly<Partial<Record<TableAction, readonly string[]>>>;
  /** Query on `gsi1`: the `gsi1pk` patterns it may read. */
  readonly index?: readonly string[];
}

/**
 * Powertools idempotency records of a function: `IDEMPOTENCY#<function name>` (the function's
 * name is its key prefix, functions/_shared/idempotency-attributes.ts). Powertools puts the
 * record conditionally, reads it back on a conflict, updates it with the result and deletes it
 * when the handler fails.
 */
export function idempotencyAccess(functionName: string): TableAccess {
  const partition = [`IDEMPOTENCY#${functionName}`];
  return { table: { PutItem: partition, GetItem: partition, UpdateItem: partition, DeleteItem: partition } };
}

/** Two accesses as one: the patterns of each action joined, without repeats. */
export function mergeAccess(a: TableAccess, b: TableAccess): TableAccess {
  const table: Partial<Record<TableAction, readonly string[]>> = { ...a.table };
  for (const [action, patterns] of Object.entries(b.table) as [TableAction, readonly string[]][]) {
    table[action] = [...new Set([...(table[action] ?? []), ...patterns])];
  }
  const index = [...new Set([...(a.index ?? []), ...(b.index ?? [])])];
  return index.length > 0 ? { table, index } : { table };
}

const leadingKeys = (patterns: readonly string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] } });

/**
 * Grants exactly `access`: one statement per action on the table, each with a
 * `ForAllValues:StringLike` condition on `dynamodb:LeadingKeys`, and one for index queries.
 * `ForAllValues` holds vacuously for a request without leading keys (a Scan), which is why no
 * statement may ever grant Scan.
 */
export function grantTableAccess(grantee: IGrantable, table: ITable, access: TableAccess): void {
  for (const [action, patterns] of Object.entries(access.table) as [TableAction, readonly string[]][]) {
    if (patterns.length === 0) continue;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: [`dynamodb:${action}`], resources: [table.tableArn], conditions: leadingKeys(patterns) }),
    );
  }
  if (access.index && access.index.length > 0) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${INDEX_NAME}`],
        conditions: leadingKeys(access.index),
      }),
    );
  }
}

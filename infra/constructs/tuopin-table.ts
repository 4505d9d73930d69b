import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { IDEMPOTENCY_EXPIRY_ATTRIBUTE } from '../../functions/_shared/idempotency-attributes.js';
import { TABLE_KEYS } from '../../src/adapters/dynamodb/table-keys.js';

export interface TuopinTableProps {
  /** Deletion protection on and RETAIN on stack deletion (prod). */
  readonly protectData: boolean;
}

/**
 * The single table of every store and of the idempotency records, with the keys the adapters
 * and `ensureTable` use (`TABLE_KEYS`), on-demand, with point-in-time recovery.
 */
export class TuopinTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: TuopinTableProps) {
    super(scope, id);
    const { partitionKey, sortKey, globalSecondaryIndexes } = TABLE_KEYS;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey.name, type: AttributeType.STRING },
      sortKey: { name: sortKey.name, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      timeToLiveAttribute: IDEMPOTENCY_EXPIRY_ATTRIBUTE,
    });
    for (const index of globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey.name, type: AttributeType.STRING },
        sortKey: { name: index.sortKey.name, type: AttributeType.STRING },
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.nonKeyAttributes],
      });
    }
  }
}

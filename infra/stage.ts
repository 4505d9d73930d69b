import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

/** What differs between the two stages a Tuopin stack is deployed as. */
export interface StageConfig {
  readonly name: 'dev' | 'prod';
  /** Keep the table and the exports bucket when the stack is deleted, and refuse table deletion. */
  readonly protectData: boolean;
  /** How long the functions' logs are kept. */
  readonly logRetention: RetentionDays;
}

const STAGES: Readonly<Record<StageConfig['name'], StageConfig>> = {
  dev: { name: 'dev', protectData: false, logRetention: RetentionDays.ONE_WEEK },
  prod: { name: 'prod', protectData: true, logRetention: RetentionDays.THREE_MONTHS },
};

/** The stage named by `-c stage=dev|prod` (dev when absent); any other value is refused. */
export function stageFromContext(node: Node): StageConfig {
  const name: unknown = node.tryGetContext('stage') ?? 'dev';
  if (name !== 'dev' && name !== 'prod') throw new Error(`context "stage" must be dev or prod, got ${JSON.stringify(name)}`);
  return STAGES[name];
}

/**
 * `-c allowSelfApproval=true`: a small county's deployment, where one officer may approve their
 * own rule-set draft (recorded as self-approved) and the one-step publish route publishes. Off
 * unless asked: a draft then needs a second person, an approver, to be published.
 */
export function selfApprovalFromContext(node: Node): boolean {
  const value: unknown = node.tryGetContext('allowSelfApproval') ?? false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context "allowSelfApproval" must be true or false, got ${JSON.stringify(value)}`);
}

import type { Template } from 'aws-cdk-lib/assertions';

type Json = Record<string, unknown>;

/** Local stand-ins for what CloudFormation would put in place of the definition's tokens. */
export const LOCAL_ACCOUNT = { partition: 'aws', region: 'local', account: '000000000000' } as const;

/** The Lambda ARN a function's `Fn::GetAtt … Arn` resolves to here: its logical id as the function name. */
export const localFunctionArn = (logicalId: string) => `arn:aws:lambda:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.account}:function:${logicalId}`;

/** The state machine's definition as deployed, and which functions/ entry each Lambda ARN in it is. */
export interface DeployedDefinition {
  readonly definition: Json;
  /** `functions/<name>.ts` of every function the definition invokes, by its resolved ARN. */
  readonly functionNames: ReadonlyMap<string, string>;
}

/**
 * The Amazon States Language of the template's one state machine, exactly as synthesized, with
 * its `Fn::Join` written out and each token resolved to a local name: `Ref` of a bucket to
 * `bucketName`, a function's `Fn::GetAtt Arn` to a local ARN, the pseudo parameters to local
 * values. A token of any other kind fails here instead of running as something else.
 */
export function deployedDefinition(template: Template, bucketName: string): DeployedDefinition {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as { Properties: { DefinitionString: unknown } }[];
  const buckets = new Set(Object.keys(template.findResources('AWS::S3::Bucket')));
  const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Handler?: string } }>;
  const functionNames = new Map<string, string>();
  const resolve = (token: unknown): string => {
    if (typeof token === 'string') return token;
    const ref = (token as { Ref?: string }).Ref;
    if (ref === 'AWS::Partition') return LOCAL_ACCOUNT.partition;
    if (ref === 'AWS::Region') return LOCAL_ACCOUNT.region;
    if (ref === 'AWS::AccountId') return LOCAL_ACCOUNT.account;
    if (ref !== undefined && buckets.has(ref)) return bucketName;
    const getAtt = (token as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
    if (getAtt && getAtt[1] === 'Arn' && functions[getAtt[0]]) {
      const arn = localFunctionArn(getAtt[0]);
      functionNames.set(arn, functionNameOf(getAtt[0]));
      return arn;
    }
    throw new Error(`the state machine's definition has a token this runner cannot resolve: ${JSON.stringify(token)}`);
  };
  const source = machine!.Properties.DefinitionString;
  const text = typeof source === 'string' ? source : (source as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map(resolve).join('');
  return { definition: JSON.parse(text) as Json, functionNames };
}

/** The five task functions, by the logical-id prefix the stack gives them (`plan-run` → `planrunFunction…`). */
const TASK_FUNCTIONS = ['plan-run', 'score-village-batch', 'aggregate-county', 'account-county', 'finish-run'] as const;
export type TaskFunctionName = (typeof TASK_FUNCTIONS)[number];

function functionNameOf(logicalId: string): TaskFunctionName {
  const name = TASK_FUNCTIONS.find((candidate) => new RegExp(`^${candidate.replaceAll('-', '')}Function[0-9A-F]{8}$`).test(logicalId));
  if (!name) throw new Error(`the state machine invokes ${logicalId}, which is not one of the nightly task functions`);
  return name;
}

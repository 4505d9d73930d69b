import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_PREFIX, NIGHTLY_PREFIXES, RESULT_PREFIXES } from '../../src/kernel/nightly-objects.js';
import { allStates, policyStatements, stateMachineDefinition, synthStack } from './synth-stack.js';

/*
 * The nightly run's objects in the exports bucket: which state reads and writes which prefix,
 * who is granted what on the bucket, and how long the objects stay.
 */

let dev: Template;
let exportsBucket: string;

beforeAll(() => {
  dev = synthStack();
  exportsBucket = Object.keys(dev.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('ExportsBucket'))!;
}, 180_000);

/** A resource of a statement written out with every token as `<logical id>`. */
const written = (resource: unknown): string => {
  if (typeof resource === 'string') return resource;
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(written).join(join[0]);
  const getAtt = (resource as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt) return `<${getAtt[0]}.${getAtt[1]}>`;
  return `<${(resource as { Ref?: string }).Ref ?? JSON.stringify(resource)}>`;
};
const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

/** Every grant on the exports bucket's objects, as `role: action on resource`. */
function bucketGrants(): string[] {
  return policyStatements(dev)
    .filter(({ statement }) => statement.Effect === 'Allow')
    .flatMap(({ roles, statement }) =>
      asList(statement.Resource)
        .map(written)
        .filter((resource) => resource.includes(exportsBucket))
        .flatMap((resource) => asList(statement.Action).flatMap((action) => roles.map((role) => `${role.replace(/[0-9A-F]{8}$/, '')}: ${String(action)} on ${resource.replace(`<${exportsBucket}.Arn>`, 'bucket')}`))),
    )
    .sort();
}

describe('the nightly run’s objects', () => {
  it('has each Distributed Map read its list from the plan prefix and write its results under its own prefix', () => {
    const maps = allStates(stateMachineDefinition(dev)).filter((s) => s.ItemReader);
    expect(maps.map((m) => [m.Label, (m.ItemReader as { Parameters: Record<string, unknown> }).Parameters['Key.$'], (m.ResultWriter as { Parameters: Record<string, unknown> }).Parameters.Prefix])).toEqual([
      ['ScoreVillages', '$.batchesKey', RESULT_PREFIXES.villages],
      ['RollUpCounties', '$.countiesKey', RESULT_PREFIXES.counties],
    ]);
    // No state carries a list: no ItemsPath left anywhere.
    expect(allStates(stateMachineDefinition(dev)).filter((s) => 'ItemsPath' in s)).toEqual([]);
  });

  it('grants each reader and writer its prefix only: the plan writes plans, Step Functions reads plans and writes results, finish-run reads results and writes long failure lists, the run routes read those', () => {
    expect(bucketGrants()).toEqual(
      [
        `NightlyStateMachineRole: s3:AbortMultipartUpload on bucket/${NIGHTLY_PREFIXES.results}counties/*`,
        `NightlyStateMachineRole: s3:AbortMultipartUpload on bucket/${NIGHTLY_PREFIXES.results}villages/*`,
        // Both ItemReaders read the plans prefix: one statement.
        `NightlyStateMachineRole: s3:GetObject on bucket/${NIGHTLY_PREFIXES.plans}*`,
        `NightlyStateMachineRole: s3:GetObject on bucket/${NIGHTLY_PREFIXES.results}counties/*`,
        `NightlyStateMachineRole: s3:GetObject on bucket/${NIGHTLY_PREFIXES.results}villages/*`,
        `NightlyStateMachineRole: s3:ListMultipartUploadParts on bucket/${NIGHTLY_PREFIXES.results}counties/*`,
        `NightlyStateMachineRole: s3:ListMultipartUploadParts on bucket/${NIGHTLY_PREFIXES.results}villages/*`,
        `NightlyStateMachineRole: s3:PutObject on bucket/${NIGHTLY_PREFIXES.results}counties/*`,
        `NightlyStateMachineRole: s3:PutObject on bucket/${NIGHTLY_PREFIXES.results}villages/*`,
        `finishrunRole: s3:GetObject on bucket/${NIGHTLY_PREFIXES.results}*`,
        `finishrunRole: s3:PutObject on bucket/${FAILURES_PREFIX}*`,
        `getrunRole: s3:GetObject on bucket/${FAILURES_PREFIX}*`,
        `getrunsRole: s3:GetObject on bucket/${FAILURES_PREFIX}*`,
        `planrunRole: s3:PutObject on bucket/${NIGHTLY_PREFIXES.plans}*`,
      ].sort(),
    );
  });

  it('tells the plan, finish-run and the run routes the bucket, and no other function', () => {
    const functions = dev.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Environment?: { Variables?: Record<string, unknown> } } }>;
    const told = Object.entries(functions).filter(([, fn]) => fn.Properties.Environment?.Variables?.NIGHTLY_BUCKET !== undefined);
    expect(told.map(([id]) => id.replace(/Function[0-9A-F]{8}$/, '')).sort()).toEqual(['finishrun', 'getrun', 'getruns', 'planrun']);
    for (const [, fn] of told) expect(fn.Properties.Environment!.Variables!.NIGHTLY_BUCKET).toEqual({ Ref: exportsBucket });
  });

  it('expires a run’s plans and results after 30 days, old versions a day later, and keeps the other exports’ rule', () => {
    const bucket = dev.findResources('AWS::S3::Bucket')[exportsBucket] as { Properties: { LifecycleConfiguration: { Rules: Record<string, unknown>[] } } };
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }));
    for (const prefix of Object.values(NIGHTLY_PREFIXES)) {
      expect(rules).toContainEqual(
        expect.objectContaining({ Prefix: prefix, ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      );
    }
  });
});

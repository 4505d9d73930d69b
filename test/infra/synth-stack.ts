import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { pipelineSettingsFromContext } from '../../infra/pipeline-settings.js';
import { selfApprovalFromContext, stageFromContext } from '../../infra/stage.js';
import { TuopinStack } from '../../infra/tuopin-stack.js';

const CDK_JSON = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

/**
 * Synthesizes the stack as `npm run synth` does (same app wiring, cdk.json's feature flags), but
 * with bundling skipped for every stack: the template does not depend on the bundle, and the
 * test stays fast and needs neither esbuild runs nor Docker.
 */
export function synthStack(context: Record<string, unknown> = {}): Template {
  const app = new App({ context: { ...CDK_JSON.context, 'aws:cdk:bundling-stacks': [], ...context } });
  const stage = stageFromContext(app.node);
  const stack = new TuopinStack(app, `Tuopin-${stage.name}`, { stage, pipeline: pipelineSettingsFromContext(app.node), allowSelfApproval: selfApprovalFromContext(app.node) });
  return Template.fromStack(stack);
}

type Json = Record<string, unknown>;

/** The Amazon States Language of the template's one state machine, with every token as `"<token>"`. */
export function stateMachineDefinition(template: Template): Json {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as { Properties: { DefinitionString: unknown } }[];
  const definition = machine!.Properties.DefinitionString;
  const text =
    typeof definition === 'string'
      ? definition
      : ((definition as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<token>')).join(''));
  return JSON.parse(text) as Json;
}

/** Every state of a definition, nested Map processors included. */
export function allStates(definition: Json): Json[] {
  const states = Object.values((definition.States ?? {}) as Record<string, Json>);
  return states.flatMap((state) => [state, ...(state.ItemProcessor ? allStates(state.ItemProcessor as Json) : [])]);
}

/** One statement of a policy of the template, named by the policy (or role) holding it and the roles it is attached to. */
export interface PolicyStatementAt {
  readonly policy: string;
  /** Logical ids of the roles the statement applies to (empty for a managed policy for callers). */
  readonly roles: readonly string[];
  readonly statement: Json;
}

type PolicyResource = { Type: string; Properties: { PolicyDocument?: { Statement: Json[] }; Roles?: { Ref: string }[]; Policies?: { PolicyName: string; PolicyDocument: { Statement: Json[] } }[] } };

/**
 * Every statement of every IAM policy of the template: `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`
 * and the inline `Policies` of every `AWS::IAM::Role`. Managed policies attached by ARN are not in
 * the template: `attachedManagedPolicyArns` lists those, so a test can refuse them.
 */
export function policyStatements(template: Template): PolicyStatementAt[] {
  const resources = {
    ...template.findResources('AWS::IAM::Policy'),
    ...template.findResources('AWS::IAM::ManagedPolicy'),
    ...template.findResources('AWS::IAM::Role'),
  } as Record<string, PolicyResource>;
  return Object.entries(resources).flatMap(([policy, resource]) => {
    const roles = (resource.Properties.Roles ?? []).map((role) => role.Ref);
    if (resource.Type === 'AWS::IAM::Role') {
      return (resource.Properties.Policies ?? []).flatMap((inline) => inline.PolicyDocument.Statement.map((statement) => ({ policy: `${policy}/${inline.PolicyName}`, roles: [policy], statement })));
    }
    return resource.Properties.PolicyDocument!.Statement.map((statement) => ({ policy, roles, statement }));
  });
}

/** Every managed policy a role of the template attaches by ARN, as `role: arn` (its statements are not in the template). */
export function attachedManagedPolicyArns(template: Template): string[] {
  const roles = template.findResources('AWS::IAM::Role') as Record<string, { Properties: { ManagedPolicyArns?: unknown[] } }>;
  return Object.entries(roles).flatMap(([role, resource]) => (resource.Properties.ManagedPolicyArns ?? []).map((arn) => `${role}: ${JSON.stringify(arn)}`));
}

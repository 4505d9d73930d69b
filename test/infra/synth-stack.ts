import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { pipelineSettingsFromContext } from '../../infra/pipeline-settings.js';
import { stageFromContext } from '../../infra/stage.js';
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
  const stack = new TuopinStack(app, `Tuopin-${stage.name}`, { stage, pipeline: pipelineSettingsFromContext(app.node) });
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

/** Every statement of every IAM policy (inline and managed) of the template. */
export function policyStatements(template: Template): { policy: string; statement: Json }[] {
  const policies = { ...template.findResources('AWS::IAM::Policy'), ...template.findResources('AWS::IAM::ManagedPolicy') } as Record<string, { Properties: { PolicyDocument: { Statement: Json[] } } }>;
  return Object.entries(policies).flatMap(([policy, resource]) => resource.Properties.PolicyDocument.Statement.map((statement) => ({ policy, statement })));
}

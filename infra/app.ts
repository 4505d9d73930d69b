import { App } from 'aws-cdk-lib';
import { pipelineSettingsFromContext } from './pipeline-settings.js';
import { selfApprovalFromContext, stageFromContext } from './stage.js';
import { TuopinStack } from './tuopin-stack.js';

// Environment-agnostic on purpose: `npm run synth` needs no credentials and no network.
const app = new App();
const stage = stageFromContext(app.node);
new TuopinStack(app, `Tuopin-${stage.name}`, { stage, pipeline: pipelineSettingsFromContext(app.node), allowSelfApproval: selfApprovalFromContext(app.node) });
app.synth();

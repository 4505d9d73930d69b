import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../functions/_shared/request-parser.js';
import { ROUTES } from '../../../functions/_shared/routes.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { RuleSetConflictError } from '../../../src/engine/errors.js';
import type { Stores } from '../../../src/ports/stores.js';
import { createDraft } from '../../../src/use-cases/rule-drafts/create-draft.js';
import type { DraftActor } from '../../../src/use-cases/rule-drafts/draft-setting.js';
import { approveDraft, submitDraft } from '../../../src/use-cases/rule-drafts/draft-lifecycle.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { readReviewedCases } from '../../../src/adapters/file/rule-set-files.js';
import { REVIEWED_RULES_DIR } from '../../../src/composition/composition-root.js';
import { apiEvent } from '../../functions/lambda-events.js';
import { publishInOneStep } from '../../../src/use-cases/rule-drafts/self-publish.js';
import { sampleCountyStores } from '../../helpers/sample-county-store.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

const actor = (stores: Stores, by: string): DraftActor => ({
  stores,
  by,
  now: new Date('2026-11-30T08:00:00Z'),
  settingFor: async () => ({ reviewed: [], years: [], evaluator: EVALUATORS.compiled }),
});

describe('an approval whose version another publication took first', () => {
  it('goes back to submitted, saying why in its steps, and the conflict is reported', async () => {
    const stores = createMemoryStores();
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'), (id, version) => readReviewedCases(REVIEWED_RULES_DIR, id, version));
    const draft = await createDraft(actor(stores, '王芳'), { ruleSetId: 'household-exit' });
    expect((await submitDraft(actor(stores, '王芳'), 'household-exit', draft.draftId)).status).toBe('submitted');
    // The version is taken between the approval's gate and its write (another draft approved at that moment).
    const taken = {
      listVersions: (id: string) => stores.ruleSets.listVersions(id),
      getVersion: (id: string, version: number) => stores.ruleSets.getVersion(id, version),
      listIds: () => stores.ruleSets.listIds(),
      publish: async (entry: { ruleSet: { id: string; version: number } }) => {
        throw new RuleSetConflictError(entry.ruleSet.id, entry.ruleSet.version);
      },
    };
    const racing: Stores = { ...stores, ruleSets: taken };
    await expect(approveDraft(actor(racing, '李强'), 'household-exit', draft.draftId)).rejects.toBeInstanceOf(RuleSetConflictError);
    const after = (await stores.drafts.get('household-exit', draft.draftId))!;
    expect(after.status).toBe('submitted');
    expect(after.steps.map((s) => s.action)).toEqual(['create', 'submit', 'approve', 'publish-failed']);
    expect(await stores.ruleSets.getVersion('household-exit', 2)).toBeNull();
    // Approved again once the way is clear, it publishes.
    expect((await approveDraft(actor(stores, '李强'), 'household-exit', draft.draftId)).status).toBe('approved');
  });
});

describe('a one-step publication where one officer may publish alone', () => {
  it('keeps the impact of its submission and its approval whole: every household that flips', async () => {
    const stores = await sampleCountyStores({ allowSelfApproval: true });
    const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/drafts/${name}`, import.meta.url), 'utf8')) as unknown;
    const request = { kind: 'publish', document: fixture('household-exit-v2.json'), cases: fixture('household-exit-v2.cases.json'), note: 'line 4200', acceptImpact: true } as const;
    expect((await publishInOneStep(actor(stores, '王芳'), request)).status).toBe('published');
    const [listed] = await stores.drafts.list('household-exit');
    const draft = await stores.drafts.get('household-exit', listed!.draftId);
    const reported = draft!.steps.filter((step) => step.report);
    expect(reported.map((step) => step.action)).toEqual(['submit', 'approve']);
    for (const { report } of reported) {
      const preview = report!.preview!;
      expect(preview.totals.households.changed).toBeGreaterThan(5);
      expect(preview.counties.flatMap((c) => c.examples).filter((e) => e.subjectType === 'household')).toHaveLength(preview.totals.households.changed);
    }
  });
});

describe('the caller of a request', () => {
  it('is the IAM principal, and for a console user signed in through Cognito that principal with the identity id', () => {
    const event = apiEvent('post-rule-set-version', { pathParameters: { ruleSetId: 'household-exit' }, body: { ruleSet: {}, note: 'n' } });
    expect(parseEvent(ROUTES['post-rule-set-version'], event).caller).toBe('arn:aws-cn:sts::123456789012:assumed-role/tuopin-policy-staff/wangfang');
    event.requestContext.identity = { ...event.requestContext.identity, userArn: 'arn:aws-cn:sts::123456789012:assumed-role/console-policy-staff/CognitoIdentityCredentials', cognitoIdentityId: 'cn-north-1:1111' };
    expect(parseEvent(ROUTES['post-rule-set-version'], event).caller).toBe('arn:aws-cn:sts::123456789012:assumed-role/console-policy-staff/CognitoIdentityCredentials#cn-north-1:1111');
  });
});

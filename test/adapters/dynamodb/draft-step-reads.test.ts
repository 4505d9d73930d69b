import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoStores } from '../../../src/adapters/dynamodb/dynamo-stores.js';
import { readReviewedCases } from '../../../src/adapters/file/rule-set-files.js';
import { REVIEWED_RULES_DIR } from '../../../src/composition/composition-root.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { DraftStep } from '../../../src/ports/rule-draft-store.js';
import type { Stores } from '../../../src/ports/stores.js';
import { createDraft } from '../../../src/use-cases/rule-drafts/create-draft.js';
import { approveDraftByCaller, getDraft, withdrawDraftByCaller } from '../../../src/use-cases/rule-drafts/draft-admin.js';
import type { DraftActor } from '../../../src/use-cases/rule-drafts/draft-setting.js';
import { reportSummary } from '../../../src/use-cases/rule-drafts/stored-step.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { bigGateReport } from '../../helpers/big-gate-report.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { DRAFT_AT, sampleDraft } from '../../helpers/sample-draft.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { logCommands, type CommandLog } from './command-log.js';

// A province's submission or approval keeps a report of megabytes beside the draft, in chunks
// under `DRAFT-REPORT#…`. A step answers with the draft's overview, so it reads none of them:
// neither the report it has just written nor an earlier step's.

const dynalite = useDynalite();
let log: CommandLog;

beforeAll(() => {
  log = logCommands(dynalite.client);
});

const READS = /^(Query|Scan|Get|GetItem|BatchGet|BatchGetItem|TransactGet|TransactGetItems)Command$/;

/** The reads sent since the log was cleared that address a report's chunks (`DRAFT-REPORT#…`, or the old layout's `DRAFT#…#REPORT#…`). */
const reportReads = () => log.commands.filter((c) => READS.test(c.name) && JSON.stringify(c.input).includes('REPORT#'));

const step = (action: DraftStep['action'], by: string, status: DraftStep['status'], extra: Partial<DraftStep> = {}): DraftStep => ({ action, by, at: DRAFT_AT, note: '', status, ...extra });

describe('the steps of a draft in DynamoDB', () => {
  it('read no report chunk to submit and approve a draft with a 3,000-flip report, and answer with the overview', async () => {
    const store = createDynamoStores({ client: dynalite.client, tableName: await dynalite.newTable() }).drafts;
    await store.create(sampleDraft());
    const submitted = bigGateReport(3000, 'submit');
    const approved = bigGateReport(3000, 'approve');
    log.clear();
    const afterSubmit = await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: submitted }));
    const afterApprove = await store.transition('household-exit', 'd1', 'submitted', step('approve', '李强', 'approved', { report: approved, version: 2 }), 2);
    expect(reportReads()).toEqual([]);
    // The chunks were written all the same: the answers refer to them.
    expect(log.batchWrites()).toBeGreaterThan(2);
    expect(afterSubmit.steps[1]).not.toHaveProperty('report');
    expect(afterSubmit.steps[1]!.reportSummary).toEqual(reportSummary(submitted));
    expect(afterApprove).toMatchObject({ status: 'approved', publishedVersion: 2 });
    expect(afterApprove.steps.map((s) => s.reportSummary)).toEqual([undefined, reportSummary(submitted), reportSummary(approved)]);
    expect(afterApprove).toEqual(await store.overview('household-exit', 'd1'));
    expect(await store.report('household-exit', 'd1', afterApprove.steps[2]!.reportRef!.key)).toEqual(approved);
    expect(JSON.stringify(afterApprove).length).toBeLessThan(20_000);
  });

  it('read no report chunk to save a draft or to withdraw a submission with a 3,000-flip report', async () => {
    const store = createDynamoStores({ client: dynalite.client, tableName: await dynalite.newTable() }).drafts;
    await store.create(sampleDraft());
    log.clear();
    const saved = await store.save('household-exit', 'd1', { ruleSet: { id: 'household-exit', version: 2 }, cases: null }, step('save', '王芳', 'draft'));
    expect(saved).toEqual(await store.overview('household-exit', 'd1'));
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: bigGateReport(3000) }));
    const withdrawn = await store.transition('household-exit', 'd1', 'submitted', step('withdraw', '王芳', 'withdrawn'));
    expect(reportReads()).toEqual([]);
    expect(withdrawn).toEqual(await store.overview('household-exit', 'd1'));
  });
});

describe('the API’s draft steps on DynamoDB', () => {
  let stores: Stores;
  const actor = (by: string): DraftActor => ({ stores, by, now: new Date(DRAFT_AT), settingFor: async () => ({ reviewed: [], years: [], evaluator: EVALUATORS.compiled }) });

  beforeAll(async () => {
    stores = dynalite.stores(await dynalite.newTable());
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'), (id, version) => readReviewedCases(REVIEWED_RULES_DIR, id, version));
  });

  /** A draft of the next household-exit version, submitted with a province's report (3,000 flips). */
  async function submittedDraft(): Promise<string> {
    const { draftId } = await createDraft(actor('王芳'), { ruleSetId: 'household-exit' });
    await stores.drafts.transition('household-exit', draftId, 'draft', step('submit', '王芳', 'submitted', { report: bigGateReport(3000) }));
    return draftId;
  }

  it('approve a draft submitted with a 3,000-flip report without reading that report, answering with the draft as GET gives it', async () => {
    const draftId = await submittedDraft();
    const path = { ruleSetId: 'household-exit', draftId };
    log.clear();
    const answer = await approveDraftByCaller(stores, path, {}, '李强', new Date(DRAFT_AT));
    expect(reportReads()).toEqual([]);
    expect(answer).toMatchObject({ status: 'approved', draft: { status: 'approved', publishedVersion: 2 } });
    expect(answer.draft).toEqual(await getDraft(stores, path));
    expect(answer.draft.steps.at(-1)!.reportRef!.key).toMatch(/^approve-/);
  });

  it('withdraw a draft submitted with a 3,000-flip report without reading that report', async () => {
    const draftId = await submittedDraft();
    const path = { ruleSetId: 'household-exit', draftId };
    log.clear();
    const answer = await withdrawDraftByCaller(stores, path, {}, '王芳', new Date(DRAFT_AT));
    expect(reportReads()).toEqual([]);
    expect(answer).toEqual(await getDraft(stores, path));
    expect(answer.status).toBe('withdrawn');
  });
});

import { describe, expect, it } from 'vitest';
import { createDynamoStores } from '../../../src/adapters/dynamodb/dynamo-stores.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { MemoryRuleDraftStore } from '../../../src/adapters/memory/memory-rule-draft-store.js';
import type { DraftStep, RuleDraftStore } from '../../../src/ports/rule-draft-store.js';
import { DraftNotFoundError, DraftReportNotFoundError, DraftStateError, NotDraftAuthorError, SelfApprovalRefusedError } from '../../../src/use-cases/rule-drafts/draft-errors.js';
import { readReportPage, type ReportPage } from '../../../src/use-cases/rule-drafts/report-pages.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { bigGateReport } from '../../helpers/big-gate-report.js';
import { DRAFT_AT, sampleDraft } from '../../helpers/sample-draft.js';

const dynalite = useDynalite();

/** Both adapter families, with and without the self-approval setting, so they refuse alike. */
const families: { name: string; make: (allowSelfApproval?: boolean) => Promise<RuleDraftStore> }[] = [
  { name: 'memory', make: async (allowSelfApproval = false) => createMemoryStores({ allowSelfApproval }).drafts },
  {
    name: 'DynamoDB',
    make: async (allowSelfApproval = false) => createDynamoStores({ client: dynalite.client, tableName: await dynalite.newTable(), allowSelfApproval }).drafts,
  },
];

const AT = DRAFT_AT;
const draft = sampleDraft;
const step = (action: DraftStep['action'], by: string, status: DraftStep['status'], extra: Partial<DraftStep> = {}): DraftStep => ({ action, by, at: AT, note: `${action} by ${by}`, status, ...extra });

describe.each(families)('the $name draft store', ({ make }) => {
  it('gives a draft back as created, and lists a rule set’s drafts oldest first', async () => {
    const store = await make();
    await store.create(draft({ draftId: 'd2', createdAt: '2026-11-30T09:00:00.000Z' }));
    await store.create(draft());
    expect(await store.get('household-exit', 'd1')).toEqual(draft());
    expect((await store.list('household-exit')).map((d) => d.draftId)).toEqual(['d1', 'd2']);
    expect(await store.list('village-exit')).toEqual([]);
    expect(await store.get('household-exit', 'd9')).toBeNull();
    await expect(store.create(draft())).rejects.toBeInstanceOf(DraftStateError);
  });

  it('lets the author save while the draft is a draft, and nobody else', async () => {
    const store = await make();
    await store.create(draft());
    const content = { ruleSet: { id: 'household-exit', version: 2, changed: true }, cases: null };
    const saved = await store.save('household-exit', 'd1', content, step('save', '王芳', 'draft'));
    expect(saved.ruleSet).toEqual(content.ruleSet);
    expect(saved.cases).toBeNull();
    expect(saved.steps.map((s) => s.action)).toEqual(['create', 'save']);
    await expect(store.save('household-exit', 'd1', content, step('save', '李强', 'draft'))).rejects.toBeInstanceOf(NotDraftAuthorError);
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted'));
    await expect(store.save('household-exit', 'd1', content, step('save', '王芳', 'draft'))).rejects.toBeInstanceOf(DraftStateError);
    await expect(store.save('household-exit', 'd9', content, step('save', '王芳', 'draft'))).rejects.toBeInstanceOf(DraftNotFoundError);
  });

  it("refuses the author's own approval, and records another approver's with the version", async () => {
    const store = await make();
    await store.create(draft());
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted'));
    await expect(store.transition('household-exit', 'd1', 'submitted', step('approve', '王芳', 'approved'), 2)).rejects.toBeInstanceOf(SelfApprovalRefusedError);
    // Marking the step self-approved does not help where the setting forbids it.
    await expect(store.transition('household-exit', 'd1', 'submitted', step('approve', '王芳', 'approved', { selfApproved: true }), 2)).rejects.toBeInstanceOf(SelfApprovalRefusedError);
    expect((await store.get('household-exit', 'd1'))!.status).toBe('submitted');
    const approved = await store.transition('household-exit', 'd1', 'submitted', step('approve', '李强', 'approved', { version: 2 }), 2);
    expect(approved).toMatchObject({ status: 'approved', publishedVersion: 2 });
    expect(approved.steps.at(-1)).toMatchObject({ action: 'approve', by: '李强', version: 2 });
  });

  it('lets exactly one of two racing approvals through', async () => {
    const store = await make();
    await store.create(draft());
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted'));
    const outcomes = await Promise.allSettled([
      store.transition('household-exit', 'd1', 'submitted', step('approve', '李强', 'approved'), 2),
      store.transition('household-exit', 'd1', 'submitted', step('approve', '赵敏', 'approved'), 2),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')!.reason).toBeInstanceOf(DraftStateError);
    expect((await store.get('household-exit', 'd1'))!.steps.filter((s) => s.action === 'approve')).toHaveLength(1);
  });

  it('lets only the author submit or withdraw', async () => {
    const store = await make();
    await store.create(draft());
    await expect(store.transition('household-exit', 'd1', 'draft', step('submit', '李强', 'submitted'))).rejects.toBeInstanceOf(NotDraftAuthorError);
    await expect(store.transition('household-exit', 'd1', 'draft', step('withdraw', '李强', 'withdrawn'))).rejects.toBeInstanceOf(NotDraftAuthorError);
    expect((await store.transition('household-exit', 'd1', 'draft', step('withdraw', '王芳', 'withdrawn'))).status).toBe('withdrawn');
    await expect(store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted'))).rejects.toBeInstanceOf(DraftStateError);
  });

  it('gives back the impact reports of a submission and an approval whole, however many changes they list', async () => {
    const store = await make();
    await store.create(draft());
    // 3000 flipped households: about a megabyte of JSON, more than one DynamoDB item holds.
    const submitted = bigGateReport(3000, 'submit');
    const approved = bigGateReport(2500, 'approve');
    expect(JSON.stringify(submitted).length).toBeGreaterThan(400_000);
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: submitted }));
    await store.transition('household-exit', 'd1', 'submitted', step('approve', '王芳', 'approved', { report: bigGateReport(10, 'refused') }), 2).catch(() => undefined);
    await store.transition('household-exit', 'd1', 'submitted', step('approve', '李强', 'approved', { report: approved, version: 2 }), 2);
    const read = (await store.get('household-exit', 'd1'))!;
    expect(read.steps.map((s) => s.action)).toEqual(['create', 'submit', 'approve']);
    expect(read.steps[1]!.report).toEqual(submitted);
    expect(read.steps[2]!.report).toEqual(approved);
    expect(read.steps[0]!.report).toBeUndefined();
  });

  it('answers every step with the draft as overview gives it, the new step’s report as its summary and reference', async () => {
    const store = await make();
    await store.create(draft());
    const saved = await store.save('household-exit', 'd1', { ruleSet: { id: 'household-exit', version: 2 }, cases: null }, step('save', '王芳', 'draft'));
    expect(saved).toEqual(await store.overview('household-exit', 'd1'));
    const submitted = bigGateReport(3000, 'submit');
    const afterSubmit = await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: submitted }));
    expect(afterSubmit).toEqual(await store.overview('household-exit', 'd1'));
    expect(afterSubmit.steps.at(-1)).not.toHaveProperty('report');
    expect(afterSubmit.steps.at(-1)!.reportSummary).toMatchObject({ ok: true, totals: { households: { changed: 3000 } } });
    expect(await store.report('household-exit', 'd1', afterSubmit.steps.at(-1)!.reportRef!.key)).toEqual(submitted);
    const rejected = await store.transition('household-exit', 'd1', 'submitted', step('reject', '李强', 'rejected'));
    expect(rejected).toEqual(await store.overview('household-exit', 'd1'));
    expect(rejected.steps.map((s) => [s.action, s.status])).toEqual([['create', 'draft'], ['save', 'draft'], ['submit', 'submitted'], ['reject', 'rejected']]);
  });

  it('lists drafts and gives one draft with each step’s report as its summary and reference, the whole report read by that key', async () => {
    const store = await make();
    await store.create(draft());
    const submitted = bigGateReport(3000, 'submit');
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: submitted }));
    const [listed] = await store.list('household-exit');
    expect(await store.overview('household-exit', 'd1')).toEqual(listed);
    expect(await store.overview('household-exit', 'd9')).toBeNull();
    const submit = listed!.steps[1]!;
    expect(submit).not.toHaveProperty('report');
    expect(submit.reportSummary).toEqual({ ok: true, ruleSetId: 'household-exit', version: 2, steps: submitted.steps, totals: submitted.preview!.totals, changesOutcomes: true });
    expect(JSON.stringify(listed).length).toBeLessThan(20_000);
    expect(await store.report('household-exit', 'd1', submit.reportRef!.key)).toEqual(submitted);
    expect(await store.report('household-exit', 'd1', 'submit-unknown')).toBeNull();
    expect(await store.report('household-exit', 'd9', submit.reportRef!.key)).toBeNull();
  });

  it('gives a 3,000-flip report page by page: every change once, in the stored order', async () => {
    const store = await make();
    await store.create(draft());
    const submitted = bigGateReport(3000, 'submit');
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: submitted }));
    const reportKey = (await store.overview('household-exit', 'd1'))!.steps[1]!.reportRef!.key;
    const where = { ruleSetId: 'household-exit', draftId: 'd1', reportKey };
    const pages: ReportPage[] = [];
    for (let offset: number | null = 0; offset !== null; offset = pages.at(-1)!.nextOffset) pages.push(await readReportPage({ drafts: store }, where, offset, 1000));
    expect(pages.map((p) => p.changes.length)).toEqual([1000, 1000, 1000, 1]);
    expect(pages.every((p) => p.total === 3001 && p.summary.totals!.households.changed === 3000)).toBe(true);
    const changes = pages.flatMap((p) => p.changes);
    expect(changes.map(({ countyId: _county, ...change }) => change)).toEqual(submitted.preview!.counties[0]!.examples);
    expect(new Set(changes.map((c) => `${c.subjectType}:${c.subjectId}`)).size).toBe(3001);
    expect(pages[0]!.preview!.counties[0]).not.toHaveProperty('examples');
    await expect(readReportPage({ drafts: store }, { ...where, reportKey: 'submit-unknown' }, 0, 10)).rejects.toBeInstanceOf(DraftReportNotFoundError);
    await expect(readReportPage({ drafts: store }, { ...where, draftId: 'd9' }, 0, 10)).rejects.toBeInstanceOf(DraftNotFoundError);
  });

  it('accepts the author’s approval where the deployment allows it, recorded as self-approved', async () => {
    const store = await make(true);
    expect(store.allowsSelfApproval).toBe(true);
    await store.create(draft());
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted'));
    // Even so, an author's approval not marked as self-approved is refused: the record must say so.
    await expect(store.transition('household-exit', 'd1', 'submitted', step('approve', '王芳', 'approved'), 2)).rejects.toBeInstanceOf(SelfApprovalRefusedError);
    const approved = await store.transition('household-exit', 'd1', 'submitted', step('approve', '王芳', 'approved', { selfApproved: true }), 2);
    expect(approved.steps.at(-1)).toMatchObject({ action: 'approve', selfApproved: true });
  });
});

describe('the memory draft store', () => {
  it('reads no report to take a step, whatever reports the draft already keeps', async () => {
    const store = new MemoryRuleDraftStore();
    await store.create(draft());
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: bigGateReport(3000) }));
    await store.transition('household-exit', 'd1', 'submitted', step('approve', '李强', 'approved', { report: bigGateReport(3000, 'approve'), version: 2 }), 2);
    expect(store.reportReads).toBe(0);
  });

  it('reads no report to list the drafts or give one draft, and one report to give its page', async () => {
    const store = new MemoryRuleDraftStore();
    await store.create(draft());
    await store.transition('household-exit', 'd1', 'draft', step('submit', '王芳', 'submitted', { report: bigGateReport(3000) }));
    const before = store.reportReads;
    const [listed] = await store.list('household-exit');
    await store.overview('household-exit', 'd1');
    expect(store.reportReads).toBe(before);
    await readReportPage({ drafts: store }, { ruleSetId: 'household-exit', draftId: 'd1', reportKey: listed!.steps[1]!.reportRef!.key }, 0, 10);
    expect(store.reportReads).toBe(before + 1);
  });
});

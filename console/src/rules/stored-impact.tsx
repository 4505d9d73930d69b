import { get, type Ok } from '../api/client.js';
import { ApiState } from '../components/api-state.js';
import { useApi } from '../components/use-api.js';
import { useLocale } from '../i18n/locale.js';
import type { DraftStep, RuleDraft } from './draft-types.js';
import type { ImpactPreview, OutcomeChange } from './gate-types.js';
import { ImpactView } from './impact-view.js';

/** Where a step's stored report is read: the draft and the step's report key. */
export interface StoredReportAt {
  readonly ruleSetId: string;
  readonly draftId: string;
  readonly reportKey: string;
}

type ReportPage = Ok<'/rule-sets/{ruleSetId}/drafts/{draftId}/reports/{reportKey}'>;

/** The largest page the API gives (docs/api.md). */
const PAGE = 1000;

/** The latest step with a stored report (approval's, else submission's): the impact as approved or as submitted. */
export function latestReportStep(draft: RuleDraft): DraftStep | null {
  for (const step of [...draft.steps].reverse()) if (step.reportRef) return step;
  return null;
}

/**
 * A stored report's impact, read page after page in the stored order and put back together, so
 * the charts tally every change: the drafts and history routes give only each report's summary,
 * since a province's whole report would take a response past its size limit.
 */
export async function readStoredImpact(at: StoredReportAt): Promise<ImpactPreview | null> {
  const changes: (OutcomeChange & { countyId: string })[] = [];
  let outline: ReportPage['preview'] = null;
  for (let offset: number | null = 0; offset !== null; ) {
    const page: ReportPage = await get('/rule-sets/{ruleSetId}/drafts/{draftId}/reports/{reportKey}', at, { offset: String(offset), limit: String(PAGE) });
    outline = page.preview;
    changes.push(...page.changes);
    offset = page.nextOffset;
  }
  if (!outline) return null;
  return { ...outline, counties: outline.counties.map((county) => ({ ...county, examples: changes.filter((c) => c.countyId === county.countyId).map(({ countyId: _county, ...change }) => change) })) };
}

/** The impact of a stored report, as the author saw it at submission or the approver at approval. */
export function StoredImpact({ at }: { at: StoredReportAt }) {
  const { t } = useLocale();
  const loaded = useApi(`report/${at.ruleSetId}/${at.draftId}/${at.reportKey}`, () => readStoredImpact(at).then((preview) => ({ preview })));
  return <ApiState loaded={loaded}>{({ preview }) => (preview ? <ImpactView preview={preview} /> : <p>{t('rulesNoReport')}</p>)}</ApiState>;
}

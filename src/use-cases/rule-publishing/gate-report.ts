import { render, type Lang, type Text } from '../../i18n/messages.js';
import type { ImpactPreview } from './impact/outcome-changes.js';

/** The steps of the publish gate, in the order they run; a failing step stops the later ones. */
export type GateStepName = 'schema' | 'version' | 'static' | 'cases' | 'preview';

/**
 * One thing wrong with a draft, precise enough to fix without reading code: the JSON path in
 * the draft (or, in the `cases` step, in the cases file), the fact, or the scenario case at fault.
 */
export interface GateProblem {
  readonly message: string;
  readonly path?: string;
  readonly fact?: string;
  readonly case?: string;
}

/** What one step of the gate found. */
export interface GateStep {
  readonly step: GateStepName;
  readonly ok: boolean;
  /** One line for people: what was checked and what came of it. */
  readonly summary: string;
  readonly problems: readonly GateProblem[];
}

/** The gate's verdict on a draft: the steps that ran, and the impact preview when it ran. */
export interface GateReport {
  /** The draft's id and version, when the draft has them. */
  readonly ruleSetId: string | null;
  readonly version: number | null;
  /** Every step that ran passed. */
  readonly ok: boolean;
  readonly steps: readonly GateStep[];
  readonly preview: ImpactPreview | null;
}

/**
 * The summaries of the steps made here as catalogue texts, for saying them in another language.
 * Kept beside each step rather than on it, so the API's JSON report keeps its English fields.
 */
const SUMMARIES = new WeakMap<GateStep, Text>();

/** A step's report from its problems: ok exactly when there are none. Its summary is a catalogue text (`gateSummary.*`). */
export function gateStep(step: GateStepName, summary: Text, problems: readonly GateProblem[] = []): GateStep {
  const made: GateStep = { step, ok: problems.length === 0, summary: render('en', summary), problems };
  SUMMARIES.set(made, summary);
  return made;
}

/** A step's summary in `lang`: its catalogue text, or the English `summary` of a step read from elsewhere. */
export function stepSummaryIn(lang: Lang, step: GateStep): string {
  const text = SUMMARIES.get(step);
  return text === undefined ? step.summary : render(lang, text);
}

/** The problems made from a catalogue text (`gateProblem.*`), for saying them in another language. */
const PROBLEMS = new WeakMap<GateProblem, Text>();

/** A problem whose message is a catalogue text; `message` is its English, as the API's report keeps it. */
export function gateProblem(text: Text, where: Omit<GateProblem, 'message'> = {}): GateProblem {
  const made: GateProblem = { ...where, message: render('en', text) };
  PROBLEMS.set(made, text);
  return made;
}

/**
 * A problem as one line: the case and path first, and the fact when the message does not
 * already name it. The message is said in `lang` when it is a catalogue text, else as it is.
 */
export function describeProblem(problem: GateProblem, lang: Lang = 'en'): string {
  const text = PROBLEMS.get(problem);
  const message = text !== undefined && lang !== 'en' ? render(lang, text) : problem.message;
  const where = [
    problem.case === undefined ? undefined : render(lang, { key: 'gateProblem.whereCase', params: { name: JSON.stringify(problem.case) } }),
    problem.path,
    problem.fact !== undefined && !message.includes(problem.fact) ? render(lang, { key: 'gateProblem.whereFact', params: { fact: problem.fact } }) : undefined,
  ].filter((p) => p !== undefined);
  return where.length > 0 ? `${where.join(' ')}: ${message}` : message;
}

/** The report on a draft that could not even be read as JSON: the schema step fails on the file. */
export function unreadableDraft(message: string): GateReport {
  return { ruleSetId: null, version: null, ok: false, steps: [gateStep('schema', { key: 'gateSummary.notJson' }, [{ path: '(file)', message }])], preview: null };
}

/** A problem's message in `lang` (its catalogue text), without its path; a message made elsewhere as it is. */
export function problemMessageIn(lang: Lang, problem: GateProblem): string {
  const text = PROBLEMS.get(problem);
  return text === undefined ? problem.message : render(lang, text);
}

/**
 * The report as the API answers a console: each step's summary and each problem's message also
 * as `{zh, en}` (`summaryText`, `text`), so a reader sees them in either language. The English
 * fields stay as they are.
 */
export function bilingualReport(report: GateReport) {
  const both = (say: (lang: Lang) => string) => ({ zh: say('zh'), en: say('en') });
  return {
    ...report,
    steps: report.steps.map((step) => ({
      ...step,
      summaryText: both((lang) => stepSummaryIn(lang, step)),
      problems: step.problems.map((problem) => ({ ...problem, text: both((lang) => problemMessageIn(lang, problem)) })),
    })),
  };
}

import { evaluateInlineRecord, evaluateStoredSubject } from '../src/use-cases/evaluation/evaluate-on-demand.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/**
 * `POST /evaluations`: an inline household is judged and nothing is stored; a `subjectId` is
 * judged from the store and its verdict stored.
 */
export function makeHandler({ stores, contexts, currentQuarter, telemetry }: Clients) {
  const contextFor = (quarter: string) => contexts.inForce(quarter);
  return httpHandler(
    'post-evaluation',
    async ({ body }) => {
      const { ruleSetId, year, record, subjectId } = body;
      const verdict = record
        ? await evaluateInlineRecord(contextFor, { ruleSetId, year, record }, currentQuarter())
        : await evaluateStoredSubject(stores, contextFor, { ruleSetId, year, subjectId: subjectId! }, currentQuarter());
      return { verdict };
    },
    { telemetry },
  );
}

export const handler = fromEnvironment(makeHandler);

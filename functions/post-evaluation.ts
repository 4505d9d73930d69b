import { evaluateInlineRecord } from '../src/use-cases/evaluate-inline-record.js';
import { evaluateStoredSubject } from '../src/use-cases/evaluate-stored-subject.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores, contexts, currentQuarter } = clients();
const contextFor = (quarter: string) => contexts.inForce(quarter);

/**
 * `POST /evaluations`: an inline household is judged and nothing is stored; a `subjectId` is
 * judged from the store and its verdict stored.
 */
export const handler = httpHandler('post-evaluation', async ({ body }) => {
  const { ruleSetId, year, record, subjectId } = body;
  const verdict = record
    ? await evaluateInlineRecord(contextFor, { ruleSetId, year, record }, currentQuarter())
    : await evaluateStoredSubject(stores, contextFor, { ruleSetId, year, subjectId: subjectId! }, currentQuarter());
  return { verdict };
});

import { findSubjectVerdicts } from '../src/use-cases/reading/stored-verdicts.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /verdicts/{subjectType}/{subjectId}`: the latest verdicts of a subject, with explanations. */
export const handler = httpHandler('get-verdicts', async ({ params }) => ({
  subjectType: params.subjectType,
  subjectId: params.subjectId,
  verdicts: await findSubjectVerdicts(stores.verdicts, params.subjectType, params.subjectId),
}));

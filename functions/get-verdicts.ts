import { findSubjectVerdicts } from '../src/use-cases/reading/stored-verdicts.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /verdicts/{subjectType}/{subjectId}`: the latest verdicts of a subject, with explanations. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-verdicts', async ({ params }) => ({
    subjectType: params.subjectType,
    subjectId: params.subjectId,
    verdicts: await findSubjectVerdicts(stores.verdicts, params.subjectType, params.subjectId),
  }), { telemetry });

export const handler = fromEnvironment(makeHandler);

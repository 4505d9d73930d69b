import { reEvaluateVillage } from '../src/use-cases/scoring/re-evaluate-village.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/**
 * `POST /villages/{villageId}/re-evaluations`: re-scores the village and its county now. With an
 * `Idempotency-Key` header a retry replays the first response instead of scoring again.
 */
export const makeHandler = ({ stores, contexts, currentQuarter, client, config, telemetry }: Clients) =>
  httpHandler(
    'post-village-re-evaluation',
    ({ params, body }) => reEvaluateVillage(stores, (quarter) => contexts.inForce(quarter), { villageId: params.villageId, year: body.year }, currentQuarter()),
    { idempotency: { client, tableName: config.TABLE_NAME, expiresAfterSeconds: config.API_IDEMPOTENCY_SECONDS }, telemetry },
  );

export const handler = fromEnvironment(makeHandler);

import { reEvaluateVillage } from '../src/use-cases/re-evaluate-village.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores, contexts, currentQuarter, client, config } = clients();

/**
 * `POST /villages/{villageId}/re-evaluations`: re-scores the village and its county now. With an
 * `Idempotency-Key` header a retry replays the first response instead of scoring again.
 */
export const handler = httpHandler(
  'post-village-re-evaluation',
  ({ params, body }) => reEvaluateVillage(stores, (quarter) => contexts.inForce(quarter), { villageId: params.villageId, year: body.year }, currentQuarter()),
  { idempotency: { client, tableName: config.TABLE_NAME, expiresAfterSeconds: config.API_IDEMPOTENCY_SECONDS } },
);

import { scoreVillageBatch } from '../src/use-cases/nightly/score-village-batch.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { VillageBatchEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/**
 * One item of the Distributed Map: scores a batch of villages with exactly the versions the
 * run pinned. Idempotent per run and batch: a retry after a timeout replays the stored result.
 */
export const makeHandler = ({ stores, contexts, config, client, telemetry }: Clients) =>
  taskHandler(
    'score-village-batch',
    VillageBatchEventSchema,
    async ({ quarter, ruleSetVersions, villageIds }) =>
      scoreVillageBatch(stores, await contexts.pinned(ruleSetVersions, quarter), villageIds, config.VILLAGE_ATTEMPTS),
    { idempotency: { client, tableName: config.TABLE_NAME, expiresAfterSeconds: config.TASK_IDEMPOTENCY_SECONDS }, telemetry },
  );

export const handler = fromEnvironment(makeHandler);

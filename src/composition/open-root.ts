import { createMemoryStores } from '../adapters/memory/memory-stores.js';
import { assembleRoot, NEVER_STOPPED, type CompositionRoot, type RootConfig } from './composition-root.js';

/**
 * Opens the root an entry point asked for: everything in memory, or a DynamoDB table (an
 * endpoint or the embedded store). The AWS SDK takes a few hundred milliseconds to load, so a
 * memory run never loads it.
 */
export async function openRoot(config: RootConfig): Promise<CompositionRoot> {
  if (config.store === 'dynamodb') return (await import('./open-dynamo-root.js')).openDynamoRoot(config);
  return assembleRoot({ stores: createMemoryStores({ allowSelfApproval: config.allowSelfApproval ?? false }), client: null, location: 'memory', persistent: false, stopped: NEVER_STOPPED, close: async () => {} }, config);
}

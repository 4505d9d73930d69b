import type { OpenedStores } from './open-stores.js';
import type { RulesIo, StoreValues } from './rules-io.js';

/** Opens the stores the options name, runs the work, and closes them whatever happens. */
export async function withRuleStores(io: RulesIo, values: StoreValues, work: (opened: OpenedStores) => Promise<number>): Promise<number> {
  const opened = await io.openStores(values);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

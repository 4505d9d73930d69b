/**
 * Lets the event loop turn once, as the answer of a store over the network would. The memory
 * store answers from memory and scratch files synchronously, so a province scored on it would
 * otherwise run for minutes inside one macrotask, awaiting only settled promises: no timer fires
 * (progress, the CLI's signals) and V8 never gets to run the tasks that finish its incremental
 * collections, so the heap swells to its limit before a full collection (1M households: 436 MiB
 * peak, where the live heap stays under 60 MB). The stores call it once per village or county
 * read, the calls the nightly run and the reports make one after another.
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

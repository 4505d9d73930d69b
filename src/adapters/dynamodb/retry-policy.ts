/** How batch operations retry throttling and unprocessed items: exponential backoff with full jitter. */
export interface RetryPolicy {
  /** Calls in all (the first one included) before giving up. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  /** Injectable so tests do not wait. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Injectable for deterministic jitter in tests; `Math.random` by default. */
  readonly random: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The default policy (8 calls, 50 ms base, 5 s cap) with some fields replaced. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { attempts: 8, baseMs: 50, capMs: 5_000, sleep: realSleep, random: Math.random, ...overrides };
}

/**
 * The wait before retry number `retry` (1 for the first retry): a uniform draw in
 * [0, min(cap, base × 2^retry)) — "full jitter", which spreads competing writers apart.
 */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry);
}

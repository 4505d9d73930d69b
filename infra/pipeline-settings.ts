import type { Node } from 'constructs';

/**
 * The knobs of the nightly Distributed Map. They are construct props rather than CfnParameters
 * because Step Functions validates them at synth time (a token is not a positive integer);
 * override them per deployment with `-c maxConcurrency=80` and the like.
 */
export interface PipelineSettings {
  /** Village batches scored at the same time. */
  readonly maxConcurrency: number;
  /** Share of batches that may fail before the run fails. */
  readonly toleratedFailurePercentage: number;
  /** Retries of a failing batch task (Step Functions' MaxAttempts: the first attempt is not counted). */
  readonly batchRetries: number;
  readonly batchRetryIntervalSeconds: number;
  readonly batchBackoffRate: number;
  /** Villages per batch (what the plan cuts). */
  readonly batchSize: number;
  /** Counties rolled up at the same time. */
  readonly countyConcurrency: number;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  maxConcurrency: 40,
  toleratedFailurePercentage: 5,
  batchRetries: 3,
  batchRetryIntervalSeconds: 5,
  batchBackoffRate: 2,
  batchSize: 25,
  countyConcurrency: 10,
};

/** The defaults with any context value of the same name (`-c batchSize=50`) in their place. */
export function pipelineSettingsFromContext(node: Node): PipelineSettings {
  const settings: Record<string, number> = { ...DEFAULT_PIPELINE_SETTINGS };
  for (const name of Object.keys(settings)) {
    const raw: unknown = node.tryGetContext(name);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`context "${name}" must be a non-negative number, got ${JSON.stringify(raw)}`);
    settings[name] = value;
  }
  return settings as unknown as PipelineSettings;
}

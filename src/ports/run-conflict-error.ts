import { TuopinError } from '../kernel/errors.js';

/** Another run (a different start) already holds this run id: run ids are never reused. */
export class RunConflictError extends TuopinError {
  constructor(readonly runId: string) {
    super('RUN_CONFLICT', `run id ${runId} is already used by another run`);
  }
}

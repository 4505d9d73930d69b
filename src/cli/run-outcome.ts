import type { RunStatus } from '../ports/run-store.js';

/**
 * Exit statuses of the commands that run the pipeline: 0 the run succeeded on complete data;
 * 3 it completed but rows were rejected (the items needing them are `unknown`, so a script must
 * not take the output for a clean run); 1 it failed. 2 is a usage error (see main.ts).
 */
export const EXIT_REJECTED_ROWS = 3;

export function exitCodeOf(status: RunStatus | null): number {
  if (status === 'succeeded') return 0;
  if (status === 'succeeded-with-rejected-rows') return EXIT_REJECTED_ROWS;
  return 1;
}

/** The status a run over a dataset reports: rejected rows of the dataset always show in it. */
export function statusWithRejections(status: RunStatus, rejectedRows: number): RunStatus {
  return status === 'succeeded' && rejectedRows > 0 ? 'succeeded-with-rejected-rows' : status;
}

/** The last line of a run, like `succeeded with 3 rejected rows`, in zh and en. */
export function lastLine(status: RunStatus, rejectedRows: number): string {
  if (status === 'succeeded-with-rejected-rows') {
    const rows = `${rejectedRows} rejected row${rejectedRows === 1 ? '' : 's'}`;
    return `完成，但有 ${rejectedRows} 行数据被拒，相关项目为“无法判定” succeeded with ${rows}: the items that need them are unknown`;
  }
  if (status === 'succeeded') return '完成 succeeded';
  return status === 'failed' ? '失败 failed: see failedVillages' : `${status}`;
}

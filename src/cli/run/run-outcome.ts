import type { RunStatus } from '../../ports/run-store.js';
import type { RemovedRecords } from '../../use-cases/remove-absent-records.js';

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

const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;

/**
 * What a snapshot import removed, one line per village (the 清退 list of that village: count
 * and ids), then the townships and units, then a total line. Nothing removed is one line too,
 * so a clerk sees the import was taken as a snapshot.
 */
export function removalLines(removed: RemovedRecords | null): string[] {
  if (removed === null) return ['清退 removed: nothing (upsert: records only added or replaced)'];
  const lines = removed.villages.map((v) => {
    const what = v.villageRemoved ? `village ${v.villageId} (county ${v.countyId}) and its ${plural(v.householdIds.length, 'household')}` : `${plural(v.householdIds.length, 'household')} of village ${v.villageId} (county ${v.countyId})`;
    return `清退 removed ${what}${v.householdIds.length > 0 ? `: ${v.householdIds.join(', ')}` : ''}`;
  });
  if (removed.townships.length > 0) lines.push(`清退 removed ${plural(removed.townships.length, 'township')}: ${removed.townships.join(', ')}`);
  if (removed.units.length > 0) lines.push(`清退 removed ${plural(removed.units.length, 'assisting unit')}: ${removed.units.join(', ')}`);
  const households = removed.villages.reduce((sum, v) => sum + v.householdIds.length, 0);
  const villages = removed.villages.filter((v) => v.villageRemoved).length;
  lines.push(
    `清退 removed in all: ${plural(households, 'household')}, ${plural(villages, 'village')}, ${plural(removed.townships.length, 'township')}, ` +
      `${plural(removed.units.length, 'assisting unit')}; ${plural(removed.verdicts, 'verdict')} and ${plural(removed.tallies, 'village tally', 'village tallies')} deleted with them`,
  );
  return lines;
}

import type { RunStatus } from '../../ports/run-store.js';
import { countOf, message, type Lang } from '../../i18n/messages.js';
import { type RemovedRecords } from '../../use-cases/import/remove-absent-records.js';

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

/** The last line of a run, like `succeeded with 3 rejected rows` (zh: 完成，但有 3 行数据被拒…). */
export function lastLine(lang: Lang, status: RunStatus, rejectedRows: number): string {
  if (status === 'succeeded-with-rejected-rows') return message(lang, rejectedRows === 1 ? 'run.rejected.one' : 'run.rejected.many', { count: rejectedRows });
  if (status === 'succeeded') return message(lang, 'run.succeeded');
  if (status === 'failed') return message(lang, 'run.failed');
  return message(lang, 'status.running');
}

/**
 * What a snapshot import removed, one line per village (the 清退 list of that village: count
 * and ids), then the townships and units, then a total line. Nothing removed is one line too,
 * so a clerk sees the import was taken as a snapshot.
 */
export function removalLines(lang: Lang, removed: RemovedRecords | null): string[] {
  if (removed === null) return [message(lang, 'removal.none')];
  const ids = (list: readonly string[]) => (list.length > 0 ? message(lang, 'removal.ids', { ids: list.join(', ') }) : '');
  const lines = removed.villages.map((v) =>
    message(lang, v.villageRemoved ? 'removal.village' : 'removal.households', {
      village: v.villageId,
      county: v.countyId,
      households: countOf(lang, 'household', v.householdIds.length),
      ids: ids(v.householdIds),
    }),
  );
  if (removed.townships.length > 0) lines.push(message(lang, 'removal.townships', { townships: countOf(lang, 'township', removed.townships.length), ids: removed.townships.join(', ') }));
  if (removed.units.length > 0) lines.push(message(lang, 'removal.units', { units: countOf(lang, 'unit', removed.units.length), ids: removed.units.join(', ') }));
  const households = removed.villages.reduce((sum, v) => sum + v.householdIds.length, 0);
  const villages = removed.villages.filter((v) => v.villageRemoved).length;
  lines.push(
    message(lang, 'removal.total', {
      households: countOf(lang, 'household', households),
      villages: countOf(lang, 'village', villages),
      townships: countOf(lang, 'township', removed.townships.length),
      units: countOf(lang, 'unit', removed.units.length),
      verdicts: countOf(lang, 'verdict', removed.verdicts),
      tallies: countOf(lang, 'tally', removed.tallies),
    }),
  );
  return lines;
}

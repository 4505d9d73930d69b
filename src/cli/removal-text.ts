import type { RemovedRecords } from '../use-cases/import/remove-absent-records.js';

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

import { useEffect, useState } from 'react';
import { get } from '../api/client.js';
import type { ImpactPreview } from './gate-types.js';

/** The names the impact report shows beside ids: counties, townships, villages, heads of household, units. */
export interface ImpactNames {
  readonly counties: ReadonlyMap<string, string>;
  readonly townships: ReadonlyMap<string, string>;
  readonly villages: ReadonlyMap<string, string>;
  readonly households: ReadonlyMap<string, string>;
  readonly units: ReadonlyMap<string, string>;
}

const EMPTY: ImpactNames = { counties: new Map(), townships: new Map(), villages: new Map(), households: new Map(), units: new Map() };

/**
 * Reads the names for a preview through the documented read routes: the counties, each changed
 * county's overview (village and township names) and accountability (unit names) of the
 * preview's quarter, and the household list of each village with a household that flips (the
 * head's name, 户主姓名). A read that fails leaves ids in place of names.
 */
export function useImpactNames(preview: ImpactPreview | null): ImpactNames {
  const [names, setNames] = useState<ImpactNames>(EMPTY);
  const key = preview ? JSON.stringify(preview.counties.map((c) => [c.countyId, c.examples.map((e) => e.subjectId)])) + preview.quarter : '';
  useEffect(() => {
    if (!preview) return;
    let live = true;
    const quarter = preview.quarter;
    const changed = preview.counties.filter((c) => c.examples.length > 0);
    const villagesWithFlips = [...new Set(changed.flatMap((c) => c.examples.filter((e) => e.subjectType === 'household' && e.villageId).map((e) => e.villageId!)))];
    const settled = <T,>(read: Promise<T>) => read.then((value) => value, () => null);
    void Promise.all([
      settled(get('/counties', {})),
      Promise.all(changed.map((c) => settled(get('/counties/{countyId}/quarters/{quarter}', { countyId: c.countyId, quarter })))),
      Promise.all(changed.filter((c) => c.units.changed > 0).map((c) => settled(get('/counties/{countyId}/quarters/{quarter}/accountability', { countyId: c.countyId, quarter })))),
      Promise.all(villagesWithFlips.map((villageId) => settled(get('/villages/{villageId}/households', { villageId }, { year: quarter.slice(0, 4) })))),
    ]).then(([counties, overviews, accountability, villages]) => {
      if (!live) return;
      const next = { counties: new Map<string, string>(), townships: new Map<string, string>(), villages: new Map<string, string>(), households: new Map<string, string>(), units: new Map<string, string>() };
      for (const county of counties?.counties ?? []) if (county.name) next.counties.set(county.countyId, county.name);
      for (const overview of overviews) {
        for (const village of overview?.villages ?? []) {
          if (village.name) next.villages.set(village.villageId, village.name);
          if (village.townshipName) next.townships.set(village.townshipId, village.townshipName);
        }
      }
      for (const report of accountability) for (const score of report?.scores ?? []) if (score.unitName) next.units.set(`${score.unitType}:${score.unitId}`, score.unitName);
      for (const village of villages) for (const household of village?.households ?? []) if (household.headName) next.households.set(household.householdId, household.headName);
      setNames(next);
    });
    return () => {
      live = false;
    };
    // The key says which subjects the names are for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return names;
}

import { loadPlaceNames, type NameSource } from './report-names.js';
import type { HouseholdName } from '../ports/record-store.js';

/** Villages whose names are read ahead at most: a few thousand names, whatever the province. */
const WINDOW = 32;

/**
 * A name source that reads villages' household names before the reports ask for them, in the
 * ascending order their walk takes, at most `WINDOW` villages ahead. Started as the export
 * begins, the store answers the first villages while the export and the report model keep this
 * process busy, instead of after them; then it stays a window ahead of the walk. The listings of
 * counties, townships, villages and units it reads to know the order are kept (a few per
 * village), so the reports' own listing reads none of them again.
 *
 * A read that fails is not reported here: the reports' own call for that village gets the same
 * failure.
 */
export class NamesReadAhead implements NameSource {
  private readonly pending = new Map<string, Promise<HouseholdName[]>>();
  private order: readonly string[] = [];
  private position = new Map<string, number>();
  private next = 0;
  private readonly listed = new Map<string, Promise<unknown>>();

  private constructor(private readonly source: NameSource) {}

  /** Lists the stored villages and starts reading the first ones' names. */
  static start(source: NameSource): NamesReadAhead {
    const ahead = new NamesReadAhead(source);
    loadPlaceNames(ahead).then(
      ({ villageIds }) => {
        ahead.order = [...villageIds].sort();
        ahead.position = new Map(ahead.order.map((id, index) => [id, index]));
        ahead.fill();
      },
      () => {},
    );
    return ahead;
  }

  private fill(): void {
    while (this.pending.size < WINDOW && this.next < this.order.length) {
      const villageId = this.order[this.next++]!;
      const names = this.source.listHouseholdNames(villageId);
      names.catch(() => {});
      this.pending.set(villageId, names);
    }
  }

  listHouseholdNames(villageId: string): Promise<HouseholdName[]> {
    const read = this.pending.get(villageId);
    this.pending.delete(villageId);
    // A village asked for before the window reached it is read now, and not again later.
    this.next = Math.max(this.next, (this.position.get(villageId) ?? -1) + 1);
    this.fill();
    return read ?? this.source.listHouseholdNames(villageId);
  }

  /** A listing read once; a failed read is forgotten, so the next call reads again. */
  private remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    let listing = this.listed.get(key) as Promise<T> | undefined;
    if (listing === undefined) {
      listing = read();
      this.listed.set(key, listing);
      listing.catch(() => this.listed.delete(key));
    }
    return listing;
  }

  listCounties: NameSource['listCounties'] = () => this.remember('counties', () => this.source.listCounties());
  listTownships: NameSource['listTownships'] = (countyId) => this.remember(`townships#${countyId}`, () => this.source.listTownships(countyId));
  listVillages: NameSource['listVillages'] = (countyId) => this.remember(`villages#${countyId}`, () => this.source.listVillages(countyId));
  listUnits: NameSource['listUnits'] = (countyId) => this.remember(`units#${countyId}`, () => this.source.listUnits(countyId));
}

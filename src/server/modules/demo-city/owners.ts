import { legalEntityId, personNationalId, randomMobile } from './demo-identifiers.js';
import type { LandUse } from './land-use.js';
import {
  COMPANY_BRANDS,
  COMPANY_FORMS,
  COMPANY_KINDS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
} from './names.js';
import { Rng } from './prng.js';
import type { OwnerRow, OwnershipRow } from './rows.js';

export const SHARE_DENOMINATOR = 6; // shares of Iranian property are counted in دانگ, six to the whole
const TWO_WAY_SPLITS = [
  [3, 3],
  [4, 2],
  [2, 4],
  [5, 1],
];
const THREE_WAY_SPLITS = [
  [2, 2, 2],
  [3, 2, 1],
  [4, 1, 1],
  [2, 3, 1],
];
const RECENT_POOL_SIZE = 256;
const REUSE_SHARE = 0.2;
const MOBILE_SHARE = 0.85;
const BUSINESS_USES: ReadonlySet<LandUse> = new Set(['commercial', 'office', 'industrial']);

/** Public bodies that own the land of their services, keyed by the land use they hold. */
const INSTITUTIONS: ReadonlyArray<{ name: string; owns: LandUse[]; share: number }> = [
  { name: 'شهرداری شهر نمونه', owns: ['green', 'parking'], share: 1 },
  { name: 'سازمان اوقاف و امور خیریه', owns: ['religious'], share: 1 },
  { name: 'اداره کل آموزش و پرورش', owns: ['educational'], share: 0.8 },
  { name: 'دانشگاه علوم پزشکی', owns: ['health'], share: 0.4 },
];

export interface OwnerShare {
  ownerId: string;
  shareNum: number;
}

/**
 * Makes owners as parcels need them and remembers only the last few hundred, so some people own several
 * nearby parcels while memory stays flat however large the city is.
 */
export class OwnerFactory {
  private readonly rng: Rng;
  private readonly recent: string[] = [];
  private recentNext = 0;
  private personIndex = 0;
  private legalIndex = 0;
  private readonly personOffset: number;
  private readonly legalOffset: number;
  private readonly institutionOwners: Array<{ row: OwnerRow; owns: LandUse[]; share: number }>;

  constructor(
    private readonly municipalityId: string,
    private readonly ids: Rng,
    seed: number,
    private readonly reservedNationalIds: ReadonlySet<string>,
  ) {
    this.rng = new Rng('owners', seed);
    this.personOffset = this.rng.int(0, 999_999_999);
    this.legalOffset = this.rng.int(0, 99_999_999);
    this.institutionOwners = INSTITUTIONS.map(({ name, owns, share }) => ({
      row: this.newLegal(name),
      owns,
      share,
    }));
  }

  /** Owners that exist before any parcel: the public bodies. */
  get fixedOwners(): OwnerRow[] {
    return this.institutionOwners.map((institution) => institution.row);
  }

  /** Picks the owners of a new parcel and their shares; `newOwners` must be inserted before the ownerships. */
  ownersFor(parcelId: string, landUse: LandUse): { newOwners: OwnerRow[]; ownerships: OwnershipRow[] } {
    const institution = this.institutionOwners.find((entry) => entry.owns.includes(landUse));
    if (institution && this.rng.chance(institution.share)) {
      return {
        newOwners: [],
        ownerships: this.ownerships(parcelId, [{ ownerId: institution.row.id, shareNum: SHARE_DENOMINATOR }]),
      };
    }
    const roll = this.rng.float();
    const split =
      roll < 0.1
        ? this.rng.pick(TWO_WAY_SPLITS)
        : roll < 0.15
          ? this.rng.pick(THREE_WAY_SPLITS)
          : [SHARE_DENOMINATOR];
    const legalChance = BUSINESS_USES.has(landUse) ? 0.35 : landUse === 'mixed' ? 0.1 : 0.02;
    const newOwners: OwnerRow[] = [];
    const shares: OwnerShare[] = [];
    for (const shareNum of split) {
      let ownerId =
        this.recent.length > 0 && this.rng.chance(REUSE_SHARE) ? this.rng.pick(this.recent) : null;
      if (ownerId === null || shares.some((share) => share.ownerId === ownerId)) {
        const owner = this.rng.chance(legalChance) ? this.newLegal(this.companyName()) : this.newPerson();
        newOwners.push(owner);
        this.remember(owner.id);
        ownerId = owner.id;
      }
      shares.push({ ownerId, shareNum });
    }
    return { newOwners, ownerships: this.ownerships(parcelId, shares) };
  }

  /** Ownership rows for given owners and shares, all acquired on the same day. */
  ownerships(parcelId: string, shares: OwnerShare[]): OwnershipRow[] {
    const since = this.acquisitionDate();
    return shares.map(({ ownerId, shareNum }) => ({
      id: this.ids.uuid(),
      municipality_id: this.municipalityId,
      parcel_id: parcelId,
      owner_id: ownerId,
      share_num: shareNum,
      share_den: SHARE_DENOMINATOR,
      since,
    }));
  }

  private newPerson(): OwnerRow {
    let nationalId = personNationalId(this.personIndex++, this.personOffset);
    while (nationalId === null || this.reservedNationalIds.has(nationalId)) {
      nationalId = personNationalId(this.personIndex++, this.personOffset);
    }
    const first = this.rng.pick(this.rng.chance(0.5) ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const name = `${first} ${this.rng.pick(LAST_NAMES)}`;
    const mobile = this.rng.chance(MOBILE_SHARE) ? randomMobile(this.rng) : null;
    return {
      id: this.ids.uuid(),
      municipality_id: this.municipalityId,
      kind: 'person',
      national_id: nationalId,
      name,
      mobile,
    };
  }

  private newLegal(name: string): OwnerRow {
    let nationalId = legalEntityId(this.legalIndex++, this.legalOffset);
    while (nationalId === null) nationalId = legalEntityId(this.legalIndex++, this.legalOffset);
    return {
      id: this.ids.uuid(),
      municipality_id: this.municipalityId,
      kind: 'legal',
      national_id: nationalId,
      name,
      mobile: null,
    };
  }

  private companyName(): string {
    const rng = this.rng;
    return `شرکت ${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_BRANDS)} (${rng.pick(COMPANY_FORMS)})`;
  }

  private remember(ownerId: string): void {
    if (this.recent.length < RECENT_POOL_SIZE) this.recent.push(ownerId);
    else this.recent[this.recentNext] = ownerId;
    this.recentNext = (this.recentNext + 1) % RECENT_POOL_SIZE;
  }

  /** A date between 1991 and 2024, as YYYY-MM-DD. */
  private acquisitionDate(): string {
    const start = Date.UTC(1991, 0, 1);
    const day = this.rng.int(0, 12_418);
    return new Date(start + day * 86_400_000).toISOString().slice(0, 10);
  }
}

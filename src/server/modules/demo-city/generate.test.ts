import { describe, expect, it } from 'vitest';
import { isValidLegalId, isValidMobile, isValidNationalId } from '../../../shared/identifiers/index.js';
import { DEMO_CITIZENS } from './demo-accounts.js';
import { DEMO_CENTRE, planDemoCity } from './generate.js';
import { LocalProjection, signedArea } from './geometry.js';
import type { ParcelBundle } from './rows.js';
import { convexOverlap, groupBy } from './test-support.js';

const POSTAL_HEURISTIC = /^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$/;
const projection = new LocalProjection(DEMO_CENTRE);
const city = planDemoCity();
const bundles = [...city.parcels()];
const parcels = bundles.map((bundle) => bundle.parcel);
const owners = [...city.fixedOwners, ...bundles.flatMap((bundle) => bundle.newOwners)];
const ownerships = bundles.flatMap((bundle) => bundle.ownerships);

function take(iterator: Iterable<ParcelBundle>, count: number): ParcelBundle[] {
  const taken: ParcelBundle[] = [];
  for (const bundle of iterator) {
    if (taken.length === count) break;
    taken.push(bundle);
  }
  return taken;
}

const ringOf = (bundle: ParcelBundle) => bundle.parcel.geometry.coordinates[0] as number[][];

describe('determinism', () => {
  it('gives identical rows, ids included, for the same seed', () => {
    const again = planDemoCity();
    expect(again.municipality).toEqual(city.municipality);
    expect(again.districts).toEqual(city.districts);
    expect(again.fixedOwners).toEqual(city.fixedOwners);
    expect(take(again.parcels(), 300)).toEqual(bundles.slice(0, 300));
    expect(take(city.parcels(), 300)).toEqual(bundles.slice(0, 300));
  });

  it('gives a different city for another seed, and other ids for another municipality code', () => {
    const other = take(planDemoCity({ seed: 7 }).parcels(), 50);
    expect(other.map((b) => b.parcel.geometry)).not.toEqual(
      bundles.slice(0, 50).map((b) => b.parcel.geometry),
    );
    const renamed = planDemoCity({ municipalityCode: 'demo-two' });
    expect(renamed.municipality.id).not.toBe(city.municipality.id);
    expect(take(renamed.parcels(), 1)[0].parcel.id).not.toBe(parcels[0].id);
  });

  it('generates exactly the requested number of parcels', () => {
    for (const count of [1, 7, 999])
      expect([...planDemoCity({ parcels: count }).parcels()]).toHaveLength(count);
    expect(parcels).toHaveLength(5000);
  });

  it('refuses bad options', () => {
    expect(() => planDemoCity({ parcels: 0 })).toThrow(/positive integer/);
    expect(() => planDemoCity({ seed: 1.5 })).toThrow(/integer/);
    expect(() => planDemoCity({ municipalityCode: 'Demo City' })).toThrow(/municipality code/);
  });
});

describe('identifiers', () => {
  it('gives every owner a valid national or legal ID, unique in the city', () => {
    for (const owner of owners) {
      expect(
        owner.kind === 'person' ? isValidNationalId(owner.national_id) : isValidLegalId(owner.national_id),
      ).toBe(true);
      expect(owner.national_id).toHaveLength(owner.kind === 'person' ? 10 : 11);
      if (owner.mobile !== null) expect(isValidMobile(owner.mobile)).toBe(true);
    }
    expect(new Set(owners.map((owner) => owner.national_id)).size).toBe(owners.length);
    expect(owners.filter((owner) => owner.kind === 'legal').length).toBeGreaterThan(50);
    expect(owners.filter((owner) => owner.mobile !== null).length / owners.length).toBeGreaterThan(0.7);
  });

  it('gives unique postal codes that pass the heuristic, and unique renewal codes', () => {
    for (const parcel of parcels) expect(parcel.postal_code).toMatch(POSTAL_HEURISTIC);
    expect(new Set(parcels.map((parcel) => parcel.postal_code)).size).toBe(parcels.length);
    for (const parcel of parcels) expect(parcel.renewal_code).toMatch(/^0[1-4]-\d{4}-\d{3}$/);
    expect(new Set(parcels.map((parcel) => parcel.renewal_code)).size).toBe(parcels.length);
  });

  it('gives unique ids to every row', () => {
    const ids = [...parcels, ...owners, ...ownerships, ...city.districts].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('ownership', () => {
  it('splits every parcel into exactly 6/6 among distinct owners, about 15% of them shared', () => {
    const byParcel = groupBy(ownerships, (ownership) => ownership.parcel_id);
    expect(byParcel.size).toBe(parcels.length);
    let shared = 0;
    for (const shares of byParcel.values()) {
      expect(shares.every((share) => share.share_den === 6 && share.share_num >= 1)).toBe(true);
      expect(shares.reduce((sum, share) => sum + share.share_num, 0)).toBe(6);
      expect(new Set(shares.map((share) => share.owner_id)).size).toBe(shares.length);
      if (shares.length > 1) shared++;
    }
    expect(shared / parcels.length).toBeGreaterThan(0.1);
    expect(shared / parcels.length).toBeLessThan(0.2);
  });

  it('introduces every owner before it is referenced, and some own several parcels', () => {
    const known = new Set(city.fixedOwners.map((owner) => owner.id));
    for (const bundle of bundles) {
      for (const owner of bundle.newOwners) known.add(owner.id);
      for (const share of bundle.ownerships) expect(known.has(share.owner_id)).toBe(true);
    }
    const parcelsPerOwner = groupBy(ownerships, (ownership) => ownership.owner_id);
    expect([...parcelsPerOwner.values()].filter((rows) => rows.length > 1).length).toBeGreaterThan(100);
  });

  it('gives the demo citizens their parcels: 2-4 each, one across districts, one shared', () => {
    const districtOf = new Map(parcels.map((parcel) => [parcel.id, parcel.district_id]));
    const sharesOf = (nationalId: string) => {
      const ownerId = city.demoOwnerIds.get(nationalId);
      return ownerships.filter((ownership) => ownership.owner_id === ownerId);
    };
    for (const citizen of DEMO_CITIZENS) {
      const shares = sharesOf(citizen.nationalId);
      expect(shares.length).toBe(citizen.parcels.length);
      expect(shares.length).toBeGreaterThanOrEqual(2);
      expect(shares.length).toBeLessThanOrEqual(4);
    }
    const zahra = sharesOf('0023456787').map((share) => districtOf.get(share.parcel_id));
    expect(new Set(zahra).size).toBe(2);
    const maryam = new Set(sharesOf('0045678911').map((share) => share.parcel_id));
    expect(sharesOf('0056789122').filter((share) => maryam.has(share.parcel_id))).toHaveLength(1);
  });
});

describe('geometry', () => {
  it('closes every polygon counter-clockwise and keeps the city within 3.5 km of the centre', () => {
    for (const bundle of bundles) {
      const ring = ringOf(bundle);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      const metres = ring.slice(0, -1).map((point) => projection.toMetres(point));
      expect(signedArea(metres)).toBeGreaterThan(0);
      for (const point of metres) expect(Math.hypot(point.x, point.y)).toBeLessThan(3500);
    }
  });

  it('stores the land area of the polygon and a centroid inside its district', () => {
    for (const { parcel } of bundles) {
      const metres = (parcel.geometry.coordinates[0] as number[][])
        .slice(0, -1)
        .map((p) => projection.toMetres(p));
      expect(Math.abs(signedArea(metres) - parcel.land_area_m2)).toBeLessThan(1);
      expect(Number.isInteger(Math.round(parcel.land_area_m2 * 100))).toBe(true);
      const district = city.districts.find((d) => d.id === parcel.district_id)!;
      const [[minLng, minLat], , [maxLng, maxLat]] = district.boundary.coordinates[0] as number[][];
      expect(parcel.centroid_lng).toBeGreaterThan(minLng);
      expect(parcel.centroid_lng).toBeLessThan(maxLng);
      expect(parcel.centroid_lat).toBeGreaterThan(minLat);
      expect(parcel.centroid_lat).toBeLessThan(maxLat);
    }
  });

  it('does not overlap parcels of the same block', () => {
    const byBlock = groupBy(bundles, (bundle) => bundle.parcel.renewal_code.slice(0, -4));
    expect(byBlock.size).toBeGreaterThan(300);
    for (const block of byBlock.values()) {
      const rings = block.map((bundle) =>
        ringOf(bundle)
          .slice(0, -1)
          .map((p) => projection.toMetres(p)),
      );
      for (let i = 0; i < rings.length; i++) {
        for (let j = i + 1; j < rings.length; j++)
          expect(convexOverlap(rings[i], rings[j], 0.02)).toBe(false);
      }
    }
  });
});

describe('land use and buildings', () => {
  it('is mostly residential, with about 10% of lots unbuilt', () => {
    const share = (predicate: (index: number) => boolean) =>
      parcels.filter((_, i) => predicate(i)).length / 5000;
    expect(share((i) => parcels[i].land_use === 'residential')).toBeGreaterThan(0.66);
    expect(share((i) => parcels[i].land_use === 'residential')).toBeLessThan(0.78);
    expect(share((i) => parcels[i].built_area_m2 === 0)).toBeGreaterThan(0.07);
    expect(share((i) => parcels[i].built_area_m2 === 0)).toBeLessThan(0.14);
    for (const parcel of parcels) {
      if (parcel.built_area_m2 > 0)
        expect(parcel.built_area_m2 / parcel.land_area_m2).toBeLessThanOrEqual(2.41);
    }
  });
});

import { blockFrontages, blockParcelShapes } from './block-parcels.js';
import { blockAt, districtOutline, persianNumber, StreetGrid } from './city-layout.js';
import { DEMO_CITIZENS, DEMO_MUNICIPALITY_CODE } from './demo-accounts.js';
import { parcelPostalCode } from './demo-identifiers.js';
import { centroid, type LngLat, LocalProjection, signedArea } from './geometry.js';
import { pickBuiltArea, pickLandUse } from './land-use.js';
import { OwnerFactory, type OwnerShare } from './owners.js';
import { Rng } from './prng.js';
import type { DistrictRow, MunicipalityRow, OwnerRow, ParcelBundle, ParcelRow } from './rows.js';

export const DEFAULT_SEED = 1405;
export const DEFAULT_PARCELS = 5000;
/** Inside Tehran's district 22, west of Chitgar lake. */
export const DEMO_CENTRE: LngLat = { lng: 51.16, lat: 35.745 };
const DISTRICT_COUNT = 4;
const MUNICIPALITY_CODE = /^[a-z0-9-]{2,40}$/;

export interface DemoCityOptions {
  seed?: number;
  parcels?: number;
  municipalityCode?: string;
}

export interface DemoCity {
  seed: number;
  parcelCount: number;
  /** The outermost ring of blocks: the city spans streets -lastRing-1 … lastRing+1 each way. */
  lastRing: number;
  grid: StreetGrid;
  municipality: MunicipalityRow;
  districts: DistrictRow[];
  /** Owners that exist before any parcel: public bodies and the demo citizens. */
  fixedOwners: OwnerRow[];
  /** Owner row id of each demo citizen, by national ID. */
  demoOwnerIds: ReadonlyMap<string, string>;
  /** Generates the parcels lazily; every call starts over and yields the same rows. */
  parcels(): Generator<ParcelBundle>;
}

/** Checks the options and fills in the defaults, throwing an Error that says what is wrong. */
export function resolveDemoCityOptions(options: DemoCityOptions): Required<DemoCityOptions> {
  const {
    seed = DEFAULT_SEED,
    parcels = DEFAULT_PARCELS,
    municipalityCode = DEMO_MUNICIPALITY_CODE,
  } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`The seed must be an integer, got ${seed}.`);
  if (!Number.isSafeInteger(parcels) || parcels < 1) {
    throw new Error(`The number of parcels must be a positive integer, got ${parcels}.`);
  }
  if (!MUNICIPALITY_CODE.test(municipalityCode)) {
    throw new Error(`The municipality code must be 2-40 of a-z, 0-9 and "-", got "${municipalityCode}".`);
  }
  return { seed, parcels, municipalityCode };
}

/** Walks the blocks in growth order counting parcels, to know how far the city reaches before generating it. */
function planExtent(
  grid: StreetGrid,
  seed: number,
  parcels: number,
): { lastRing: number; maxBlockNumber: number } {
  let counted = 0;
  let lastRing = 0;
  let maxBlockNumber = 1;
  for (let index = 0; counted < parcels; index++) {
    const block = blockAt(index);
    const frontages = blockFrontages(
      new Rng('frontage', seed, block.col, block.row),
      grid.blockBounds(block),
    );
    counted += frontages.south.length + frontages.north.length;
    lastRing = block.ring;
    maxBlockNumber = Math.max(maxBlockNumber, block.numberInDistrict);
  }
  return { lastRing, maxBlockNumber };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Plans a deterministic demo city: the same options always give the same rows, ids included. */
export function planDemoCity(options: DemoCityOptions = {}): DemoCity {
  const { seed, parcels: parcelCount, municipalityCode } = resolveDemoCityOptions(options);
  const setupIds = new Rng('setup-ids', seed, municipalityCode);
  const projection = new LocalProjection(DEMO_CENTRE);
  const grid = new StreetGrid(seed);
  const { lastRing, maxBlockNumber } = planExtent(grid, seed, parcelCount);
  const blockDigits = Math.max(4, String(maxBlockNumber).length);

  const municipality: MunicipalityRow = {
    id: setupIds.uuid(),
    code: municipalityCode,
    name_fa: 'شهر نمونه',
    name_en: 'Demo City',
    name_vi: 'Thành phố Mẫu',
    timezone: 'Asia/Tehran',
  };
  const districts: DistrictRow[] = Array.from({ length: DISTRICT_COUNT }, (_, i) => ({
    id: setupIds.uuid(),
    municipality_id: municipality.id,
    number: i + 1,
    name_fa: `منطقه ${persianNumber(i + 1)}`,
    name_en: `District ${i + 1}`,
    name_vi: `Quận ${i + 1}`,
    boundary: projection.polygon(districtOutline(i + 1, lastRing)),
  }));
  const citizenOwners: OwnerRow[] = DEMO_CITIZENS.map((citizen) => ({
    id: setupIds.uuid(),
    municipality_id: municipality.id,
    kind: 'person',
    national_id: citizen.nationalId,
    name: citizen.fullName,
    mobile: citizen.mobile,
  }));
  const demoOwnerIds = new Map(citizenOwners.map((owner) => [owner.national_id, owner.id]));
  const reservedNationalIds = new Set(demoOwnerIds.keys());
  const newOwnerFactory = () =>
    new OwnerFactory(
      municipality.id,
      new Rng('owner-ids', seed, municipalityCode),
      seed,
      reservedNationalIds,
    );

  // Demo citizens' parcels, keyed by "district:ordinal".
  const claims = new Map<string, OwnerShare[]>();
  for (const citizen of DEMO_CITIZENS) {
    for (const claim of citizen.parcels) {
      const key = `${claim.district}:${claim.ordinal}`;
      const shares = claims.get(key) ?? [];
      shares.push({ ownerId: demoOwnerIds.get(citizen.nationalId)!, shareNum: claim.shareNum });
      claims.set(key, shares);
    }
  }

  function* parcels(): Generator<ParcelBundle> {
    const ids = new Rng('parcel-ids', seed, municipalityCode);
    const owners = newOwnerFactory();
    const postalOffset = new Rng('postal', seed).int(0, 3000);
    const ordinals = new Array<number>(DISTRICT_COUNT + 1).fill(0);
    let produced = 0;
    for (let index = 0; produced < parcelCount; index++) {
      const block = blockAt(index);
      const bounds = grid.blockBounds(block);
      const frontages = blockFrontages(new Rng('frontage', seed, block.col, block.row), bounds);
      const rng = new Rng('block', seed, block.col, block.row);
      const subPlateBase = rng.int(1, 300);
      const district = districts[block.district - 1];
      for (const shape of blockParcelShapes(rng, bounds, frontages)) {
        if (produced === parcelCount) return;
        const claimed = claims.get(`${block.district}:${ordinals[block.district]++}`);
        const landArea = round2(Math.abs(signedArea(shape.ring)));
        let landUse = pickLandUse(rng);
        let builtArea = pickBuiltArea(rng, landUse, landArea);
        if (claimed) {
          landUse = 'residential';
          if (builtArea === 0) builtArea = round2(landArea * 1.8);
        }
        const [centroidLng, centroidLat] = projection.toLngLat(centroid(shape.ring));
        const streetRow = shape.northRow ? block.row + 1 : block.row;
        const plate = grid.plateNumber(block.col, shape.positionInRow, !shape.northRow);
        const parcel: ParcelRow = {
          id: ids.uuid(),
          municipality_id: municipality.id,
          district_id: district.id,
          renewal_code: `${pad(block.district, 2)}-${pad(block.numberInDistrict, blockDigits)}-${pad(shape.positionInBlock + 1, 3)}`,
          registration_section: 3 * (block.district - 1) + 1 + (block.ring % 3),
          main_plate: 100 + block.numberInDistrict,
          sub_plates: [subPlateBase + shape.positionInBlock],
          postal_code: parcelPostalCode(block.index, shape.positionInBlock, postalOffset),
          address: `${grid.streetAddress(block.col, streetRow)}، پلاک ${persianNumber(plate)}`,
          land_area_m2: landArea,
          built_area_m2: builtArea,
          land_use: landUse,
          geometry: projection.polygon(shape.ring),
          centroid_lng: centroidLng,
          centroid_lat: centroidLat,
          street_width_m: grid.width('y', streetRow),
        };
        const ownership = claimed
          ? { newOwners: [], ownerships: owners.ownerships(parcel.id, claimed) }
          : owners.ownersFor(parcel.id, landUse);
        produced++;
        yield { parcel, ...ownership };
      }
    }
  }

  return {
    seed,
    parcelCount,
    lastRing,
    grid,
    municipality,
    districts,
    fixedOwners: [...newOwnerFactory().fixedOwners, ...citizenOwners],
    demoOwnerIds,
    parcels,
  };
}

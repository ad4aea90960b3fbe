import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { analyzeTables } from '../../db/analyze.js';
import type { Database } from '../../db/schema.js';
import { hashPassword } from '../accounts/passwords.js';
import { systemActor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { demoAccountRows } from './account-rows.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { type DemoCity, type DemoCityOptions, planDemoCity } from './generate.js';
import { insertOwners, insertOwnerships, insertParcels } from './insert-rows.js';
import type { ParcelBundle } from './rows.js';
import { seedDemoDues } from './seed-demo-dues.js';
import { seedDemoInquiries } from './seed-demo-inquiries.js';
import { seedDemoServices } from './seed-demo-services.js';
import { seedDemoZoning } from './seed-demo-zoning.js';

const PARCELS_PER_BATCH = 2000;
const YIELD_EVERY = 250;

export interface SeedDemoCityOptions extends DemoCityOptions {
  onProgress?: (done: number, total: number) => void;
  /** Renewal-dues tariffs and the 1404/1405 assessments (default true; benchmarks assess on their own). */
  dues?: boolean;
}

export interface SeedDemoCityResult {
  municipalityId: string;
  parcels: number;
  owners: number;
}

/** True once any municipality exists (the server seeds a demo city only into an empty database). */
export async function hasAnyMunicipality(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Creates the municipality with its districts, demo accounts, offices, API clients and the fixed owners. */
async function insertCityFrame(db: Kysely<Database>, city: DemoCity): Promise<void> {
  // argon2 is slow on purpose: one hash serves every demo account.
  const accounts = demoAccountRows(city, await hashPassword(DEMO_PASSWORD));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('municipalities').values(city.municipality).execute();
    const districts = city.districts.map((district) => ({
      ...district,
      boundary: JSON.stringify(district.boundary),
    }));
    await trx.insertInto('districts').values(districts).execute();
    await trx.insertInto('offices').values(accounts.offices).execute();
    await trx.insertInto('users').values(accounts.users).execute();
    await trx.insertInto('api_clients').values(accounts.apiClients).execute();
    await insertOwners(trx, city.municipality.id, city.fixedOwners);
  });
}

/** Inserts a batch of parcels in one transaction; returns how many owners it created. */
async function insertBatch(
  db: Kysely<Database>,
  municipalityId: string,
  batch: ParcelBundle[],
): Promise<number> {
  const owners = batch.flatMap((bundle) => bundle.newOwners);
  await db.transaction().execute(async (trx) => {
    await insertOwners(trx, municipalityId, owners);
    await insertParcels(
      trx,
      municipalityId,
      batch.map((bundle) => bundle.parcel),
    );
    await insertOwnerships(
      trx,
      municipalityId,
      batch.flatMap((bundle) => bundle.ownerships),
    );
  });
  return owners.length;
}

/**
 * Generates and inserts the parcels batch by batch. The next batch is generated while PostgreSQL writes the
 * previous one (yielding now and then so the driver can talk to it); at most two batches are in memory.
 */
async function insertParcelBatches(
  db: Kysely<Database>,
  city: DemoCity,
  onProgress: SeedDemoCityOptions['onProgress'],
): Promise<{ parcels: number; owners: number }> {
  let parcels = 0;
  let owners = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const insert = async (batch: ParcelBundle[]) => {
    owners += await insertBatch(db, city.municipality.id, batch);
    parcels += batch.length;
    onProgress?.(parcels, city.parcelCount);
  };
  let batch: ParcelBundle[] = [];
  for (const bundle of city.parcels()) {
    batch.push(bundle);
    if (batch.length % YIELD_EVERY === 0) await yieldToEventLoop();
    if (batch.length === PARCELS_PER_BATCH) {
      await inFlight;
      inFlight = insert(batch);
      // Awaited above or below; this only keeps a failure from counting as unhandled while the next batch grows.
      inFlight.catch(() => undefined);
      batch = [];
    }
  }
  await inFlight;
  if (batch.length > 0) await insert(batch);
  return { parcels, owners };
}

/**
 * Seeds a deterministic demo city. Parcels are generated lazily and inserted in batches of 2,000, each in its own
 * transaction, so memory stays flat for a million parcels. Refuses when the municipality code is taken.
 */
export async function seedDemoCity(
  db: Kysely<Database>,
  options: SeedDemoCityOptions = {},
): Promise<SeedDemoCityResult> {
  const city = planDemoCity(options);
  const { id: municipalityId, code } = city.municipality;
  const existing = await db
    .selectFrom('municipalities')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing) {
    throw new Error(
      `A municipality with code "${code}" already exists; seed the demo city under another code.`,
    );
  }
  await insertCityFrame(db, city);

  const inserted = await insertParcelBatches(db, city, options.onProgress);
  // Zoning reads every parcel page by page next: the planner needs the new rows' statistics for that.
  await analyzeTables(db, ['parcels', 'owners', 'ownerships']);
  await seedDemoZoning(db, city, municipalityId);
  await seedDemoServices(db, municipalityId, [1404, 1405, 1406]);
  if (options.dues !== false) await seedDemoDues(db, municipalityId);
  await seedDemoInquiries(db, municipalityId);

  await db.transaction().execute((trx) =>
    recordAudit(trx, systemActor(municipalityId), {
      action: 'demo_city.seeded',
      entityType: 'municipality',
      entityId: municipalityId,
      details: { parcels: inserted.parcels, seed: city.seed },
    }),
  );
  return { municipalityId, parcels: inserted.parcels, owners: city.fixedOwners.length + inserted.owners };
}

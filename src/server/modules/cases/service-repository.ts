import type { Db } from '../../db/schema.js';

/** The services live in a district, with the definition of their current version. */
export function listLiveServices(db: Db, municipalityId: string, districtId: string | null) {
  let query = db
    .selectFrom('services')
    .innerJoin('service_versions', (join) =>
      join
        .onRef('service_versions.service_id', '=', 'services.id')
        .onRef('service_versions.version', '=', 'services.current_version'),
    )
    .select([
      'services.id',
      'services.code',
      'service_versions.id as version_id',
      'service_versions.version',
      'service_versions.definition',
    ])
    .where('services.municipality_id', '=', municipalityId)
    .where('services.is_active', '=', true);
  if (districtId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_districts')
          .select('service_districts.service_id')
          .whereRef('service_districts.service_id', '=', 'services.id')
          .where('service_districts.district_id', '=', districtId),
      ),
    );
  }
  return query.orderBy('services.code').execute();
}

export function findServiceByCode(db: Db, municipalityId: string, code: string) {
  return db
    .selectFrom('services')
    .innerJoin('service_versions', (join) =>
      join
        .onRef('service_versions.service_id', '=', 'services.id')
        .onRef('service_versions.version', '=', 'services.current_version'),
    )
    .select([
      'services.id',
      'services.code',
      'services.is_active',
      'service_versions.id as version_id',
      'service_versions.version',
      'service_versions.definition',
    ])
    .where('services.municipality_id', '=', municipalityId)
    .where('services.code', '=', code)
    .executeTakeFirst();
}

export async function isServiceLiveIn(db: Db, serviceId: string, districtId: string): Promise<boolean> {
  const row = await db
    .selectFrom('service_districts')
    .select('service_id')
    .where('service_id', '=', serviceId)
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates a service or adds a version of its definition; returns the service id and the new version. */
export async function saveServiceVersion(
  trx: Db,
  input: { municipalityId: string; code: string; definition: unknown; createdBy: string | null },
) {
  const existing = await trx
    .selectFrom('services')
    .select(['id', 'current_version'])
    .where('municipality_id', '=', input.municipalityId)
    .where('code', '=', input.code)
    .forUpdate()
    .executeTakeFirst();
  const service =
    existing ??
    (await trx
      .insertInto('services')
      .values({ municipality_id: input.municipalityId, code: input.code, current_version: 0 })
      .returning(['id', 'current_version'])
      .executeTakeFirstOrThrow());
  const version = service.current_version + 1;
  await trx
    .insertInto('service_versions')
    .values({
      municipality_id: input.municipalityId,
      service_id: service.id,
      version,
      definition: JSON.stringify(input.definition),
      created_by: input.createdBy,
    })
    .execute();
  await trx
    .updateTable('services')
    .set({ current_version: version, updated_at: new Date() })
    .where('id', '=', service.id)
    .execute();
  return { serviceId: service.id, version };
}

/** Makes a service live in exactly these districts. */
export async function setLiveDistricts(
  trx: Db,
  municipalityId: string,
  serviceId: string,
  districtIds: string[],
) {
  await trx.deleteFrom('service_districts').where('service_id', '=', serviceId).execute();
  if (districtIds.length === 0) return;
  await trx
    .insertInto('service_districts')
    .values(
      districtIds.map((districtId) => ({
        municipality_id: municipalityId,
        service_id: serviceId,
        district_id: districtId,
      })),
    )
    .execute();
}

/** How many of these ids are districts of the municipality. */
export async function countDistricts(db: Db, municipalityId: string, districtIds: string[]): Promise<number> {
  if (districtIds.length === 0) return 0;
  const rows = await db
    .selectFrom('districts')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', districtIds)
    .execute();
  return rows.length;
}

/** Every service of the municipality: its current definition, how many versions, where it is live. */
export function listServicesForAdmin(db: Db, municipalityId: string) {
  return db
    .selectFrom('services')
    .innerJoin('service_versions', (join) =>
      join
        .onRef('service_versions.service_id', '=', 'services.id')
        .onRef('service_versions.version', '=', 'services.current_version'),
    )
    .select((eb) => [
      'services.code',
      'services.current_version',
      'services.is_active',
      'services.updated_at',
      'service_versions.definition',
      eb
        .selectFrom('service_districts')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['service_districts.district_id']).as('ids'))
        .whereRef('service_districts.service_id', '=', 'services.id')
        .as('live_district_ids'),
    ])
    .where('services.municipality_id', '=', municipalityId)
    .orderBy('services.code')
    .execute();
}

/** The versions of a service, newest first, with who saved each. */
export function listServiceVersions(db: Db, municipalityId: string, serviceId: string) {
  return db
    .selectFrom('service_versions')
    .leftJoin('users', 'users.id', 'service_versions.created_by')
    .select(['service_versions.version', 'service_versions.created_at', 'users.full_name as created_by_name'])
    .where('service_versions.municipality_id', '=', municipalityId)
    .where('service_versions.service_id', '=', serviceId)
    .orderBy('service_versions.version', 'desc')
    .execute();
}

/** One version of a service's definition. */
export function findServiceVersion(db: Db, municipalityId: string, serviceId: string, version: number) {
  return db
    .selectFrom('service_versions')
    .select(['version', 'definition', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('service_id', '=', serviceId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The districts where a service is live. */
export async function listLiveDistrictIds(db: Db, serviceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_districts')
    .select('district_id')
    .where('service_id', '=', serviceId)
    .execute();
  return rows.map((row) => row.district_id);
}

import type { Db } from '../../db/schema.js';
import type { ServiceDefinition } from './workflow/types.js';

// A service version never changes once saved, so its definition can be kept in memory by any process for as long
// as it likes: a list of cases then carries only version ids instead of kilobytes of JSON per row.
const cache = new Map<string, ServiceDefinition>();

/** The definitions of these service versions, from memory or, the first time, from the database. */
export async function definitionsFor(db: Db, versionIds: string[]): Promise<Map<string, ServiceDefinition>> {
  const missing = [...new Set(versionIds)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('service_versions')
      .select(['id', 'definition'])
      .where('id', 'in', missing)
      .execute();
    for (const row of rows) cache.set(row.id, row.definition as ServiceDefinition);
  }
  return new Map(versionIds.map((id) => [id, cache.get(id) as ServiceDefinition]));
}

import { type RawBuilder, sql } from 'kysely';
import { MUNICIPAL_SERVICE_TYPE } from '../../../shared/identifiers/bill.js';
import type { Db } from '../../db/schema.js';
import { parcelsInBlocks } from './chunk-repository.js';
import { NOTHING_DUE } from './rules/assess.js';
import type { DuesTariff, ParcelMatcher } from './rules/tariff.js';

// Columns of the `chunk` relation below that a matcher may test.
function matcherSql(m: ParcelMatcher): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (m.landUses) parts.push(sql`c.land_use = ANY(${m.landUses}::text[])`);
  if (m.districts) parts.push(sql`c.district_number = ANY(${m.districts}::int[])`);
  if (m.vacant !== undefined) parts.push(sql`(c.built_area_m2 = 0) = ${m.vacant}`);
  if (m.flags) parts.push(sql`c.flags && ${m.flags}::text[]`);
  if (m.zoneCodes) {
    const exact = m.zoneCodes.filter((code) => !code.endsWith('*'));
    const prefixes = m.zoneCodes.filter((code) => code.endsWith('*')).map((code) => code.slice(0, -1));
    parts.push(sql`(c.zone_code = ANY(${exact}::text[])
      OR EXISTS (SELECT 1 FROM unnest(${prefixes}::text[]) AS p(prefix) WHERE starts_with(c.zone_code, p.prefix)))`);
  }
  if (parts.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

function pricingSql(tariff: DuesTariff) {
  const adjustments = tariff.adjustments;
  const factor = (pick: (a: DuesTariff['adjustments'][number]) => number) =>
    adjustments.length === 0
      ? sql`1::numeric`
      : sql.join(
          adjustments.map(
            (a) => sql`(CASE WHEN ${matcherSql(a.when)} THEN ${pick(a)} ELSE 100 END)::numeric`,
          ),
          sql` * `,
        );
  const codes =
    adjustments.length === 0
      ? sql`NULL::text[]`
      : sql`NULLIF(array_remove(ARRAY[${sql.join(
          adjustments.map((a) => sql`CASE WHEN ${matcherSql(a.when)} THEN ${a.code} END`),
        )}]::text[], NULL), '{}')`;
  const exemption =
    tariff.exemptions.length === 0
      ? sql`NULL::text`
      : sql`(CASE ${sql.join(
          tariff.exemptions.map((e) => sql`WHEN ${matcherSql(e.when)} THEN ${e.code}`),
          sql` `,
        )} END)`;
  return {
    landFactor: factor((a) => a.landPct),
    buildingFactor: factor((a) => a.buildingPct),
    scale: 100n ** BigInt(adjustments.length),
    codes,
    exemption,
  };
}

/**
 * Settings for one chunk's transaction. Not durable at commit (except the run's last chunk): a chunk lost in a crash
 * right after its commit is lost whole, with the cursor that recorded it, and the next job bills it again. Nothing
 * can depend on a lost chunk: any later durable commit (a payment, the job's completion) flushes the log up to
 * itself, this chunk included. No JIT (compiling the chunk's expressions costs more than evaluating them) and memory
 * for the chunk's intermediate rows.
 */
export async function tuneChunkTransaction(trx: Db, options: { durable: boolean }): Promise<void> {
  if (!options.durable) await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  await sql`SET LOCAL jit = off`.execute(trx);
  await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
}

/**
 * Whether every parcel of the municipality has a renewal-dues bill for the year, from two counts in one snapshot.
 * Bills name existing parcels of their municipality, at most one bill per parcel, kind and year (migrations 0010,
 * 0026), so as many bills as parcels means none is missing, and the final sweep has nothing to look for.
 */
export async function everyParcelBilled(trx: Db, municipalityId: string, duesYear: number): Promise<boolean> {
  const { rows } = await sql<{ complete: boolean }>`
    SELECT (SELECT count(*) FROM parcels WHERE municipality_id = ${municipalityId}::uuid)
      = (SELECT count(*) FROM bills WHERE municipality_id = ${municipalityId}::uuid AND kind = 'renewal_dues'
          AND dues_year = ${duesYear}::int) AS complete`.execute(trx);
  return rows[0].complete;
}

/**
 * Bill keys for a chunk, in the shape of `uuid_time_ordered()` (the first 48 bits are the time in milliseconds, so a
 * chunk's bills append to the right of the key indexes; version 4) for a fraction of its cost (it draws 122 bits from
 * the system's strong random source per row): then the row's number in the chunk (28 bits, unique within it) and 44 bits of
 * `random()`. Two chunks starting in the same millisecond (two municipalities) still differ in those bits, and were
 * they ever equal the primary key would fail that chunk, which is then redone.
 */
function chunkUuids() {
  const prefix = Date.now().toString(16).padStart(12, '0');
  return (rn: RawBuilder<unknown>) =>
    sql`(${prefix} || '4' || lpad(to_hex(${rn} >> 16), 3, '0') || '8' || lpad(to_hex(${rn} & 65535), 4, '0')
      || lpad(to_hex((random() * 17592186044416)::bigint), 11, '0'))::uuid`;
}

export interface ChunkInput {
  municipalityId: string;
  runId: string;
  duesYear: number;
  tariffId: string;
  tariff: DuesTariff;
  zonesLayerId: string | null;
  /** A range of the parcels table's blocks, or the final sweep: every parcel still unbilled, in one statement. */
  range: { blocks: [number, number] } | 'sweep';
  companyCode: string;
  /** Bills get serials lastSerial + 1, lastSerial + 2, …; at most `serials` of them (parcels past that are left for
   * the final sweep), or with null as many as there are parcels to bill. */
  lastSerial: number;
  serials: number | null;
  accruesOn: string;
  dueOn: string;
  chargedAt: Date;
}

export interface ChunkResult {
  scanned: number;
  serialsUsed: number;
  created: number;
  exempt: number;
  totalRials: bigint;
}

/**
 * Bills the parcels of a block range of the parcels table (or, at the end, every parcel still unbilled) in one
 * statement: prices each with the tariff, gives each a bill ID from the serials reserved for it, skips parcels
 * already billed for the year (a probe per parcel; should a chunk billing at the same time commit a bill for one of
 * them first, the unique key on parcel, kind and year fails this statement rather than bill twice), and posts one
 * charge entry: each bill's receivable against dues revenue.
 * The same formula as rules/assess.ts, in exact numeric arithmetic (div truncates, every value is ≥ 0).
 */
export async function assessChunk(trx: Db, input: ChunkInput): Promise<ChunkResult> {
  const m = input.municipalityId;
  const pricing = pricingSql(input.tariff);
  const landByZone = JSON.stringify(input.tariff.landValueRialsPerM2.byZone);
  const buildingByType = JSON.stringify(input.tariff.buildingValueRialsPerM2.byType);
  const divisor = (10_000n * pricing.scale).toString();
  const columns = sql`p.id, p.district_id, p.land_use, p.land_area_m2, p.built_area_m2`;
  const source =
    input.range === 'sweep'
      ? // One anti-join over the whole table (a hash or merge join, no random reads); normally it finds nothing.
        sql`SELECT ${columns} FROM parcels p WHERE p.municipality_id = ${m}::uuid AND NOT EXISTS (
          SELECT 1 FROM bills b WHERE b.municipality_id = ${m}::uuid AND b.parcel_id = p.id
            AND b.kind = 'renewal_dues' AND b.dues_year = ${input.duesYear})`
      : sql`SELECT ${columns} FROM ${parcelsInBlocks(m, input.range.blocks)}
          -- In key order, so that the probes below and the new bills' keys walk their indexes left to right.
          ORDER BY p.id`;
  // Only tariffs that name flags read them: one lookup per parcel instead of one per matcher.
  const namesFlags = [...input.tariff.adjustments, ...input.tariff.exemptions].some(
    (rule) => rule.when.flags,
  );
  // The flags are few beside the parcels: grouped once per chunk and hash-joined (a subquery per parcel cost more).
  const flagsJoin = namesFlags
    ? sql`LEFT JOIN (SELECT f.parcel_id, array_agg(f.flag) AS flags FROM dues_parcel_flags f
        WHERE f.municipality_id = ${m}::uuid GROUP BY f.parcel_id) pf ON pf.parcel_id = p.id`
    : sql``;
  const flagsColumn = namesFlags ? sql`coalesce(pf.flags, '{}'::text[])` : sql`'{}'::text[]`;
  const memo = `Renewal dues ${input.duesYear}: assessment`;
  const uuidSql = chunkUuids();
  const { rows } = await sql<{
    scanned: number;
    serials_used: number;
    created: number;
    exempt: number;
    total: string;
  }>`
    WITH chunk AS (
      SELECT p.id, p.land_use, p.land_area_m2, p.built_area_m2, d.number AS district_number, pz.zone_code,
        ${flagsColumn} AS flags
      FROM (${source}) p
      JOIN districts d ON d.id = p.district_id
      -- A probe per parcel (LIMIT keeps the LATERAL a probe; the key is parcel and layer, so at most one row): a join
      -- here lets the planner read the whole table once per chunk, which made a million-parcel run quadratic.
      LEFT JOIN LATERAL (
        SELECT z.zone_code FROM parcel_zones z WHERE z.parcel_id = p.id AND z.layer_id = ${input.zonesLayerId}::uuid
        LIMIT 1
      ) pz ON true
      ${flagsJoin}
    ),
    fresh AS (
      SELECT c.*, row_number() OVER (ORDER BY c.id) AS rn
      FROM chunk c
      LEFT JOIN LATERAL (
        SELECT true AS billed FROM bills b WHERE b.municipality_id = ${m}::uuid AND b.parcel_id = c.id
          AND b.kind = 'renewal_dues' AND b.dues_year = ${input.duesYear} LIMIT 1
      ) already ON true
      WHERE already.billed IS NULL
    ),
    valued AS (
      SELECT c.id, c.rn, c.zone_code, c.land_use, c.land_area_m2, c.built_area_m2,
        div(coalesce((${landByZone}::jsonb ->> c.zone_code)::numeric, ${input.tariff.landValueRialsPerM2.default})
          * (c.land_area_m2 * 100), 100) AS land_value,
        div(coalesce((${buildingByType}::jsonb ->> c.land_use)::numeric, ${input.tariff.buildingValueRialsPerM2.default})
          * (c.built_area_m2 * 100), 100) AS building_value,
        ${pricing.landFactor} AS land_factor,
        ${pricing.buildingFactor} AS building_factor,
        ${pricing.codes} AS adjustment_codes,
        ${pricing.exemption} AS exemption
      FROM fresh c
      ${input.serials === null ? sql`` : sql`WHERE c.rn <= ${input.serials}`}
    ),
    priced AS (
      SELECT v.*, (CASE WHEN v.exemption IS NOT NULL THEN 0
        ELSE div(div(${input.tariff.rateBasisPoints}::numeric
          * (v.land_value * v.land_factor + v.building_value * v.building_factor), ${divisor}::numeric), 1000) * 1000
        END)::bigint AS principal,
        ((${input.lastSerial}::bigint + v.rn) * 10000 + ${Number(input.companyCode)}::bigint * 10
          + ${MUNICIPAL_SERVICE_TYPE}::bigint)::bigint AS body
      FROM valued v
    ),
    inserted AS (
      INSERT INTO bills (id, municipality_id, parcel_id, kind, dues_year, bill_id, tariff_id, assessment_run_id,
        zone_code, land_use, land_area_m2, built_area_m2, land_value_rials, building_value_rials,
        adjustment_codes, exemption_code, principal_rials, state, accrues_on, due_on)
      SELECT ${uuidSql(sql`p.rn`)}, ${m}::uuid, p.id, 'renewal_dues', ${input.duesYear}::int, (p.body * 10 + bill_check_digit(p.body))::text,
        ${input.tariffId}::uuid, ${input.runId}::uuid, p.zone_code, p.land_use, p.land_area_m2, p.built_area_m2,
        p.land_value::bigint, p.building_value::bigint, p.adjustment_codes,
        CASE WHEN p.principal = 0 THEN coalesce(p.exemption, ${NOTHING_DUE}::text) END,
        p.principal, CASE WHEN p.principal = 0 THEN 'exempt' ELSE 'open' END,
        ${input.accruesOn}::date, ${input.dueOn}::date
      FROM priced p
      RETURNING id, parcel_id, principal_rials
    ),
    entry AS (
      INSERT INTO ledger_entries (municipality_id, kind, at, memo, assessment_run_id)
      SELECT ${m}::uuid, 'charge', ${input.chargedAt}::timestamptz, ${memo}::text, ${input.runId}::uuid
      WHERE EXISTS (SELECT 1 FROM inserted WHERE principal_rials > 0)
      RETURNING id
    ),
    revenue AS (SELECT sum(principal_rials)::bigint AS total FROM inserted),
    lines AS (
      INSERT INTO ledger_lines (municipality_id, entry_id, account, parcel_id, bill_id, amount_rials, at)
      SELECT ${m}::uuid, e.id, 'dues_receivable', i.parcel_id, i.id, i.principal_rials, ${input.chargedAt}::timestamptz
      FROM inserted i CROSS JOIN entry e WHERE i.principal_rials > 0
      UNION ALL
      SELECT ${m}::uuid, e.id, 'dues_revenue', NULL::uuid, NULL::uuid, -r.total, ${input.chargedAt}::timestamptz
      FROM entry e CROSS JOIN revenue r
      RETURNING 1
    )
    SELECT
      (SELECT count(*) FROM chunk)::int AS scanned,
      coalesce((SELECT max(rn) FROM valued), 0)::int AS serials_used,
      (SELECT count(*) FROM inserted)::int AS created,
      (SELECT count(*) FROM inserted WHERE principal_rials = 0)::int AS exempt,
      coalesce((SELECT total FROM revenue), 0)::text AS total,
      (SELECT count(*) FROM lines)::int AS lines
  `.execute(trx);
  const row = rows[0];
  return {
    scanned: row.scanned,
    serialsUsed: row.serials_used,
    created: row.created,
    exempt: row.exempt,
    totalRials: BigInt(row.total),
  };
}

import type pg from 'pg';

/**
 * Bulk-inserts `total` synthetic cases into a seeded demo city, in batches of `batch`, with their timeline
 * events, all in SQL (`INSERT … SELECT generate_series`, the events from the cases' `RETURNING` in the same
 * statement). Cases are spread evenly over the districts and, in each district, over the services live there
 * (inquiry weighted 6, building permit 3, completion certificate 1); their states are taken from each service's
 * own definition:
 *
 *   75 % approved, 8 % refused, 5 % withdrawn (closed, filed over the last three years)
 *   10 % open in a staff step, with a deadline from 5 days ago to 10 days ahead (half claimed by the expert)
 *    1 % returned to the applicant (open, submitted, no deadline), 1 % drafts (never submitted)
 *
 * Submitted cases get a file number in the real format (district + serial; the district counters are moved past
 * them, so cases submitted through the API continue the series) and a 14-digit code starting with 98, the length
 * of codes issued before migration 0005 (the API now issues 16-digit codes, so they never collide).
 * Events: `created` for every case, `submit` for every submitted case, and the closing action for closed ones.
 */
export async function seedSyntheticCases(
  client: pg.ClientBase,
  municipalityId: string,
  total: number,
  options: { batch?: number; onBatch?: (done: number) => void } = {},
): Promise<{ cases: number; events: number }> {
  const batch = options.batch ?? 100_000;
  await client.query('SELECT setseed(0.4242)');
  await client.query(
    `CREATE TEMP TABLE bench_districts AS
       SELECT d.number AS district_number, d.id AS district_id,
              (SELECT u.id FROM users u WHERE u.municipality_id = d.municipality_id AND u.username = 'd' || d.number || '.expert') AS expert_id,
              (SELECT count(*) FROM parcels p WHERE p.district_id = d.id)::int AS parcels
         FROM districts d WHERE d.municipality_id = $1`,
    [municipalityId],
  );
  await client.query(
    `CREATE TEMP TABLE bench_parcels AS
       SELECT d.district_number, row_number() OVER (PARTITION BY p.district_id ORDER BY p.id)::int AS rn, p.id
         FROM parcels p JOIN bench_districts d ON d.district_id = p.district_id`,
  );
  await client.query('ALTER TABLE bench_parcels ADD PRIMARY KEY (district_number, rn)');
  // One row per (district, slot): a service's weight is its number of slots in the districts where it is live.
  await client.query(
    `CREATE TEMP TABLE bench_slots AS
       WITH live AS (
         SELECT d.district_number, s.id AS service_id, sv.id AS version_id, s.code, sv.definition,
                CASE s.code WHEN 'inquiry' THEN 6 WHEN 'building_permit' THEN 3 ELSE 1 END AS weight
           FROM service_districts sd
           JOIN services s ON s.id = sd.service_id
           JOIN service_versions sv ON sv.service_id = s.id AND sv.version = s.current_version
           JOIN bench_districts d ON d.district_id = sd.district_id
          WHERE s.municipality_id = $1 AND s.is_active
       ), expanded AS (
         SELECT live.*, row_number() OVER (PARTITION BY district_number ORDER BY code, w) - 1 AS slot
           FROM live CROSS JOIN LATERAL generate_series(1, live.weight) w
       )
       SELECT district_number, slot::int, count(*) OVER (PARTITION BY district_number)::int AS slots,
              service_id, version_id, code, definition->'workflow'->>'initial' AS initial_state,
              ARRAY(SELECT st->>'code' FROM jsonb_array_elements(definition->'workflow'->'states') st
                     WHERE st->>'kind' = 'staff') AS staff_states,
              ARRAY(SELECT st->>'code' FROM jsonb_array_elements(definition->'workflow'->'states') st
                     WHERE st->>'kind' = 'applicant') AS applicant_states,
              (SELECT st->>'code' FROM jsonb_array_elements(definition->'workflow'->'states') st
                WHERE st->>'outcome' = 'approved' LIMIT 1) AS approved_state,
              (SELECT st->>'code' FROM jsonb_array_elements(definition->'workflow'->'states') st
                WHERE st->>'outcome' = 'refused' LIMIT 1) AS refused_state,
              (SELECT st->>'code' FROM jsonb_array_elements(definition->'workflow'->'states') st
                WHERE st->>'outcome' = 'withdrawn' LIMIT 1) AS withdrawn_state
         FROM expanded`,
    [municipalityId],
  );
  await client.query('ALTER TABLE bench_slots ADD PRIMARY KEY (district_number, slot)');
  await client.query('ANALYZE bench_districts; ANALYZE bench_parcels; ANALYZE bench_slots');
  const districts = Number(
    (await client.query<{ n: string }>('SELECT count(*) AS n FROM bench_districts')).rows[0].n,
  );

  let events = 0;
  for (let lo = 1; lo <= total; lo += batch) {
    const hi = Math.min(total, lo + batch - 1);
    const { rowCount } = await client.query(
      `WITH src AS (
         SELECT g, 1 + (g % $4) AS district_number, (g / $4) + 1 AS serial,
                random() AS r_phase, random() AS r_slot, random() AS r_parcel, random() AS r_age,
                random() AS r_step, random() AS r_dur, random() AS r_app
           FROM generate_series($1::int, $2::int) g
       ), phased AS (
         SELECT src.*,
                CASE WHEN r_phase < 0.75 THEN 'approved' WHEN r_phase < 0.83 THEN 'refused'
                     WHEN r_phase < 0.88 THEN 'withdrawn' WHEN r_phase < 0.98 THEN 'open'
                     WHEN r_phase < 0.99 THEN 'returned' ELSE 'draft' END AS phase
           FROM src
       ), timed AS (
         SELECT phased.*,
                CASE WHEN phase IN ('open', 'returned', 'draft')
                     THEN now() - r_age * interval '20 days'
                     ELSE now() - interval '30 days' - r_age * interval '1065 days' END AS created
           FROM phased
       ), picked AS (
         SELECT t.*, s.service_id, s.version_id, s.initial_state, d.district_id, d.expert_id, p.id AS parcel_id,
                CASE t.phase WHEN 'approved' THEN s.approved_state WHEN 'refused' THEN s.refused_state
                             WHEN 'withdrawn' THEN s.withdrawn_state
                             WHEN 'open' THEN s.staff_states[1 + floor(t.r_step * cardinality(s.staff_states))::int]
                             WHEN 'returned' THEN s.applicant_states[1]
                             ELSE s.initial_state END AS state,
                CASE WHEN t.phase = 'draft' THEN NULL
                     ELSE t.created + (0.1 + t.r_dur * 48) * interval '1 hour' END AS submitted,
                lpad(floor(t.r_app * greatest(1000, $3::int / 3))::text, 10, '0') AS national_id
           FROM timed t
           JOIN bench_districts d ON d.district_number = t.district_number
           JOIN bench_slots s ON s.district_number = t.district_number AND s.slot = floor(t.r_slot * s.slots)::int
           JOIN bench_parcels p ON p.district_number = t.district_number
                               AND p.rn = 1 + floor(t.r_parcel * d.parcels)::int
       ), ins AS (
         INSERT INTO cases (municipality_id, district_id, service_id, service_version_id, parcel_id,
                            applicant_national_id, applicant_mobile, filed_by_user_id, state, outcome, form_data,
                            tracking_code, file_number, assignee_user_id, deadline_at, version,
                            created_at, updated_at, submitted_at, closed_at)
         SELECT $5::uuid, district_id, service_id, version_id, parcel_id,
                national_id, '0913' || right(national_id, 7), md5(national_id)::uuid, state,
                CASE WHEN phase IN ('approved', 'refused', 'withdrawn') THEN phase END,
                jsonb_build_object('purpose', 'transfer', 'requesterLetterNumber', 'L-' || g),
                CASE WHEN submitted IS NOT NULL THEN '98' || lpad(g::text, 12, '0') END,
                CASE WHEN submitted IS NOT NULL THEN lpad(district_number::text, 2, '0') || lpad(serial::text, 9, '0') END,
                CASE WHEN phase = 'open' AND r_dur < 0.5 THEN expert_id END,
                CASE WHEN phase = 'open' THEN now() + (r_step * 15 - 5) * interval '1 day' END,
                CASE WHEN phase IN ('approved', 'refused', 'withdrawn') THEN 3 WHEN phase = 'draft' THEN 1 ELSE 2 END,
                created,
                CASE WHEN phase IN ('approved', 'refused', 'withdrawn')
                     THEN submitted + (1 + r_dur * 20) * interval '1 day' ELSE coalesce(submitted, created) END,
                submitted,
                CASE WHEN phase IN ('approved', 'refused', 'withdrawn')
                     THEN submitted + (1 + r_dur * 20) * interval '1 day' END
           FROM picked
         RETURNING id, state, outcome, created_at, submitted_at, closed_at, filed_by_user_id
       )
       INSERT INTO case_events (municipality_id, case_id, at, actor_kind, actor_role, actor_user_id, action,
                                from_state, to_state, details)
       SELECT $5::uuid, ins.id, e.at, e.actor_kind, e.actor_role, e.actor_user_id, e.action, e.from_state,
              e.to_state, '{}'::jsonb
         FROM ins CROSS JOIN LATERAL (VALUES
           (ins.created_at, 'applicant', 'applicant', ins.filed_by_user_id, 'created', NULL, 'draft'),
           (ins.submitted_at, 'applicant', 'applicant', ins.filed_by_user_id, 'submit', 'draft', 'submitted'),
           (ins.closed_at, CASE WHEN ins.outcome = 'withdrawn' THEN 'applicant' ELSE 'staff' END,
                           CASE WHEN ins.outcome = 'withdrawn' THEN 'applicant' ELSE 'district_manager' END,
                           CASE WHEN ins.outcome = 'withdrawn' THEN ins.filed_by_user_id END,
                           CASE ins.outcome WHEN 'approved' THEN 'approve' WHEN 'refused' THEN 'refuse'
                                            ELSE 'withdraw' END,
                           'submitted', ins.state)
         ) AS e(at, actor_kind, actor_role, actor_user_id, action, from_state, to_state)
        WHERE e.at IS NOT NULL`,
      [lo, hi, total, districts, municipalityId],
    );
    events += rowCount ?? 0;
    options.onBatch?.(hi);
  }
  // Move the file-number counters past the synthetic serials, so API submissions continue each district's series.
  await client.query(
    `INSERT INTO case_counters (municipality_id, scope, last_serial)
       SELECT $1, 'file:' || district_id, $2::bigint / $3 + 1 FROM bench_districts
     ON CONFLICT (municipality_id, scope) DO UPDATE SET last_serial = EXCLUDED.last_serial`,
    [municipalityId, total, districts],
  );
  await client.query('DROP TABLE bench_districts, bench_parcels, bench_slots');
  return { cases: total, events };
}

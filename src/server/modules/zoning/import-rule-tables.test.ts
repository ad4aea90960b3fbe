import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality } from '../../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../../test/harness.js';
import { systemActor } from '../audit/actor.js';
import { importRuleTable, ruleSetProblem } from './import-rule-tables.js';
import { DEMO_RULE_SET_1404 } from './rules/demo-rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('rule tables are dated data', () => {
  it('explains what a rule table file lacks', () => {
    expect(ruleSetProblem({ rules: [] })).toBe('effectiveFrom must be a date YYYY-MM-DD');
    expect(ruleSetProblem({ effectiveFrom: '2026-03-21', rules: [] })).toMatch(/resolutionNo/);
    expect(
      ruleSetProblem({ effectiveFrom: '2026-03-21', resolutionNo: 'x', rules: [{ zoneCode: 'R1' }] }),
    ).toBe('rule 0 needs zoneCode, condition and limits');
    expect(ruleSetProblem(DEMO_RULE_SET_1404)).toBeNull();
  });

  it('adds a newer version without touching the older one, and refuses a second table on the same day', async () => {
    const city = await buildMunicipality(t.database.db);
    const actor = systemActor(city.id);
    await importRuleTable({
      db: t.database.db,
      municipalityId: city.id,
      kind: 'rules',
      value: DEMO_RULE_SET_1404,
      actor,
    });
    const newer = { ...DEMO_RULE_SET_1404, effectiveFrom: '2026-03-21', resolutionNo: 'مصوبه ۱۴۰۵' };
    await importRuleTable({ db: t.database.db, municipalityId: city.id, kind: 'rules', value: newer, actor });
    const rows = await t.database.db
      .selectFrom('zoning_rule_sets')
      .select(['effective_from', 'resolution_no'])
      .where('municipality_id', '=', city.id)
      .orderBy('effective_from')
      .execute();
    expect(rows.map((r) => r.effective_from)).toEqual(['2025-03-21', '2026-03-21']);
    await expect(
      importRuleTable({ db: t.database.db, municipalityId: city.id, kind: 'rules', value: newer, actor }),
    ).rejects.toThrow();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('municipality_id', '=', city.id)
      .execute();
    expect(audit.filter((a) => a.action === 'zoning.rule_table_imported')).toHaveLength(2);
  });
});

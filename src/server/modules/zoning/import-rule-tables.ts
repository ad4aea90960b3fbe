import type { Db } from '../../db/schema.js';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { PermitFeeTariff } from './rules/fee-types.js';
import type { ZoningRuleSet } from './rules/types.js';
import { insertRuleSet, insertTariff } from './zoning-repository.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a rule table file, or null: it must be dated, cite its resolution and have rows. */
export function ruleSetProblem(value: unknown): string | null {
  const set = value as Partial<ZoningRuleSet> | null;
  if (!set || typeof set !== 'object') return 'the file is not a JSON object';
  if (!set.effectiveFrom || !ISO_DATE.test(set.effectiveFrom))
    return 'effectiveFrom must be a date YYYY-MM-DD';
  if (!set.resolutionNo) return 'resolutionNo (the approving resolution) is required';
  if (!Array.isArray(set.rules) || set.rules.length === 0) return 'rules must be a non-empty array';
  for (const [i, rule] of set.rules.entries()) {
    if (!rule?.zoneCode || !rule.condition || !rule.limits)
      return `rule ${i} needs zoneCode, condition and limits`;
  }
  return null;
}

export function tariffProblem(value: unknown): string | null {
  const tariff = value as Partial<PermitFeeTariff> | null;
  if (!tariff || typeof tariff !== 'object') return 'the file is not a JSON object';
  if (!tariff.effectiveFrom || !ISO_DATE.test(tariff.effectiveFrom))
    return 'effectiveFrom must be a date YYYY-MM-DD';
  if (!tariff.resolutionNo) return 'resolutionNo (the approving resolution) is required';
  if (!tariff.zonalValueRialsPerM2 || !tariff.landUseCoefficientPermille) {
    return 'zonalValueRialsPerM2 and landUseCoefficientPermille are required';
  }
  return null;
}

/**
 * Adds a dated zoning rule table or permit tariff (JSON in the engine's own shape, see rules/types.ts and
 * rules/fee-types.ts). Older versions stay: a date picks the one in force.
 */
export async function importRuleTable(input: {
  db: Db;
  municipalityId: string;
  kind: 'rules' | 'tariff';
  value: unknown;
  actor: Actor;
}): Promise<{ effectiveFrom: string }> {
  const problem = input.kind === 'rules' ? ruleSetProblem(input.value) : tariffProblem(input.value);
  if (problem)
    throw new Error(
      `The ${input.kind === 'rules' ? 'rule table' : 'tariff'} cannot be imported: ${problem}.`,
    );
  const value = input.value as ZoningRuleSet | PermitFeeTariff;
  await input.db.transaction().execute(async (trx) => {
    if (input.kind === 'rules') await insertRuleSet(trx, input.municipalityId, value);
    else await insertTariff(trx, input.municipalityId, value);
    await recordAudit(trx, input.actor, {
      action: input.kind === 'rules' ? 'zoning.rule_table_imported' : 'zoning.tariff_imported',
      entityType: 'municipality',
      entityId: input.municipalityId,
      details: { effectiveFrom: value.effectiveFrom, resolutionNo: value.resolutionNo },
    });
  });
  return { effectiveFrom: value.effectiveFrom };
}

import type { Db } from '../../db/schema.js';
import { type Locale, translate } from '../../i18n/messages.js';
import { presentRule, presentRuleSetRef } from './presenter.js';
import type { PermitFeeTariff } from './rules/fee-types.js';
import { zoneMinimumLotAreaM2 } from './rules/select-rule.js';
import type { ZoningRule, ZoningRuleSet } from './rules/types.js';
import { findRuleSetInForce, findTariffInForce, onRuleTablesForgotten } from './zoning-repository.js';

type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findRuleSetInForce>>>;
type TariffRow = NonNullable<Awaited<ReturnType<typeof findTariffInForce>>>;
export type PresentedRule = ReturnType<typeof presentRule>;

/**
 * The rules and tariff in force on one date, presented in one language, ready for any number of parcels: each
 * zone's rows and minimum lot, each row as the API shows it, the rule-set and tariff references and the fixed
 * condition texts. Built once per (rule set, tariff, date, language); rows are immutable once stored.
 */
export class ZoningContext {
  readonly ruleSet: ZoningRuleSet | null;
  readonly tariff: PermitFeeTariff | null;
  readonly ruleSetRef: ReturnType<typeof presentRuleSetRef> | null;
  readonly tariffRef: ReturnType<typeof presentRuleSetRef> | null;
  readonly texts: { noRuleSet: string; noZone: string; streetUnknown: string };
  private readonly rowsByZone = new Map<string, ZoningRule[]>();
  private readonly presented = new Map<ZoningRule, PresentedRule>();
  private readonly zoneTables = new Map<string, PresentedRule[]>();
  private readonly zoneRuleSets = new Map<string, ZoningRuleSet>();

  constructor(
    readonly date: string,
    readonly locale: Locale,
    ruleSetRow: RuleSetRow | undefined,
    tariffRow: TariffRow | undefined,
  ) {
    this.ruleSet = ruleSetRow ? (ruleSetRow.rules as ZoningRuleSet) : null;
    this.tariff = tariffRow ? (tariffRow.tariff as PermitFeeTariff) : null;
    this.ruleSetRef = ruleSetRow ? presentRuleSetRef(ruleSetRow, this.ruleSet?.effectiveFromJalali) : null;
    this.tariffRef = tariffRow ? presentRuleSetRef(tariffRow, this.tariff?.effectiveFromJalali) : null;
    this.texts = {
      noRuleSet: translate(locale, 'zoning.no_rule_set', { date }),
      noZone: translate(locale, 'zoning.no_zone'),
      streetUnknown: translate(locale, 'zoning.street_unknown'),
    };
    for (const rule of this.ruleSet?.rules ?? []) {
      const rows = this.rowsByZone.get(rule.zoneCode);
      if (rows) rows.push(rule);
      else this.rowsByZone.set(rule.zoneCode, [rule]);
    }
  }

  /** The rows of a zone's table, in table order. */
  rowsOf(zoneCode: string): readonly ZoningRule[] {
    return this.rowsByZone.get(zoneCode) ?? [];
  }

  /** The rule set cut down to one zone's rows: rule selection gives the same answer and reads fewer rows. */
  ruleSetOfZone(zoneCode: string): ZoningRuleSet | null {
    if (!this.ruleSet) return null;
    let cut = this.zoneRuleSets.get(zoneCode);
    if (!cut) {
      cut = { ...this.ruleSet, rules: this.rowsOf(zoneCode) };
      this.zoneRuleSets.set(zoneCode, cut);
    }
    return cut;
  }

  /** One row as the API shows it (its lot range printed against its zone's minimum lot). */
  presentRule(rule: ZoningRule): PresentedRule {
    let presented = this.presented.get(rule);
    if (!presented) {
      presented = presentRule(rule, this.locale, zoneMinimumLotAreaM2(this.rowsOf(rule.zoneCode)));
      this.presented.set(rule, presented);
    }
    return presented;
  }

  /** The whole table of a zone as the API shows it. */
  zoneTable(zoneCode: string): PresentedRule[] {
    let table = this.zoneTables.get(zoneCode);
    if (!table) {
      table = this.rowsOf(zoneCode).map((rule) => this.presentRule(rule));
      this.zoneTables.set(zoneCode, table);
    }
    return table;
  }
}

const contexts = new Map<string, ZoningContext>();
const MAX_CONTEXTS = 1_000;
// The context last resolved for each (municipality, date, language), trusted for a second: resolving goes
// through two caches and builds three keys, and every point lookup needs it. Nested by part, so that a lookup
// builds no key of its own (its ids and dates are strings already seen, whose hashes V8 keeps).
const recent = new Map<string, Map<string, Map<Locale, { context: ZoningContext; until: number }>>>();
const RECENT_MS = 1_000;

function recentEntries(municipalityId: string, date: string) {
  let byDate = recent.get(municipalityId);
  if (!byDate) {
    if (recent.size >= MAX_CONTEXTS) recent.clear();
    byDate = new Map();
    recent.set(municipalityId, byDate);
  }
  let byLocale = byDate.get(date);
  if (!byLocale) {
    if (byDate.size >= MAX_CONTEXTS) byDate.clear();
    byLocale = new Map();
    byDate.set(date, byLocale);
  }
  return byLocale;
}

// A rule table or tariff imported in this process: what was presented of the old ones goes.
onRuleTablesForgotten(() => {
  contexts.clear();
  recent.clear();
});

/**
 * The presented rules in force on a date in a language. The rule set and tariff rows come from their 30-second
 * caches, so a table imported by another process is seen as soon as those expire; the presentation is keyed by
 * the rows' ids (stored tables never change) and so built once per table, date and language.
 */
export async function zoningContext(
  db: Db,
  municipalityId: string,
  date: string,
  locale: Locale,
): Promise<ZoningContext> {
  const now = Date.now();
  const entries = recentEntries(municipalityId, date);
  const hit = entries.get(locale);
  if (hit && hit.until > now) return hit.context;
  const ruleSetRow = await findRuleSetInForce(db, municipalityId, date);
  const tariffRow = await findTariffInForce(db, municipalityId, date);
  const key = `${ruleSetRow?.id ?? '-'}|${tariffRow?.id ?? '-'}|${date}|${locale}`;
  let context = contexts.get(key);
  if (!context) {
    if (contexts.size >= MAX_CONTEXTS) contexts.clear();
    context = new ZoningContext(date, locale, ruleSetRow, tariffRow);
    contexts.set(key, context);
  }
  entries.set(locale, { context, until: now + RECENT_MS });
  return context;
}

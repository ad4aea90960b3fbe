/**
 * Finding one value in an OZFS constraint. OZFS nests values under options (`developmentOptionalities`,
 * `bulkOptionalities`, `districtTypeGroups`) that make them conditional on the development type, the building type
 * ("bulk": single-family, two-family …) or the type of the underlying base district.
 */

/** Resolves conditional values: the building type and the base district's type (e.g. "Residential"). */
export interface OzfsContext {
  bulk?: string;
  districtType?: string;
}

interface Occurrence {
  value: unknown;
  bulks: string[] | null;
  districtTypes: string[] | null;
  developmentType: string | null;
  accessory: boolean;
}

const ALL_OTHERS = 'allothers';
const STANDARD_BULKS = ['single-family', 'two-family', 'three-family', 'four-plus-family'];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "One-family" and "single-family" are the same building type; "all others" and "allOthers" the same group. */
export function normalizeBulk(name: string): string {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (n === 'one-family') return 'single-family';
  return n.replace(/ /g, '') === ALL_OTHERS ? ALL_OTHERS : n;
}

function toList(value: unknown): string[] | null {
  const items = Array.isArray(value) ? value : [value];
  const names = items.filter((item): item is string => typeof item === 'string').map(normalizeBulk);
  return names.length > 0 ? names : null;
}

function collect(node: unknown, key: string, scope: Omit<Occurrence, 'value'>, out: Occurrence[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, key, scope, out);
    return;
  }
  if (!isRecord(node)) return;
  const inner = { ...scope };
  if ('bulks' in node) inner.bulks = toList(node.bulks);
  if ('districtTypes' in node) inner.districtTypes = toList(node.districtTypes);
  if ('districts' in node) inner.districtTypes = toList(node.districts);
  if (typeof node.developmentType === 'string') inner.developmentType = node.developmentType;
  if (key in node) out.push({ value: node[key], ...inner });
  for (const [name, child] of Object.entries(node)) {
    if (name !== key)
      collect(child, key, name === 'accessoryStructures' ? { ...inner, accessory: true } : inner, out);
  }
}

function describe(occurrence: Occurrence): string {
  const parts = [occurrence.districtTypes?.join('/'), occurrence.bulks?.join('/')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'all';
}

const covers = (union: Set<string>, needed: readonly string[]): boolean =>
  needed.every((bulk) => union.has(bulk));

/**
 * The one value of `key` in a constraint that applies to the primary building, or undefined with a note saying
 * why (values that differ by building or district type without a context to choose, accessory structures, other
 * development types, values in a shape `extract` does not understand).
 */
export function resolveValue<T>(
  constraint: unknown,
  key: string,
  extract: (value: unknown) => T | undefined,
  options: { context: OzfsContext; permittedBulks: readonly string[]; notes: string[] },
): T | undefined {
  const { context, notes } = options;
  const all: Occurrence[] = [];
  collect(
    constraint,
    key,
    { bulks: null, districtTypes: null, developmentType: null, accessory: false },
    all,
  );
  if (all.some((o) => o.accessory)) notes.push(`${key}: accessory-structure values not mapped`);
  for (const type of new Set(all.map((o) => o.developmentType))) {
    if (type !== null && type !== 'primary/accessory') notes.push(`${key}: "${type}" values not mapped`);
  }
  const primary = all.filter(
    (o) => !o.accessory && (o.developmentType ?? 'primary/accessory') === 'primary/accessory',
  );
  const explicitGroups = new Set(
    primary.flatMap((o) => o.districtTypes ?? []).filter((t) => t !== ALL_OTHERS),
  );
  const wantedType = context.districtType === undefined ? undefined : normalizeBulk(context.districtType);
  const wantedBulk = context.bulk === undefined ? undefined : normalizeBulk(context.bulk);
  const applicable = primary.filter((o) => {
    const types = o.districtTypes;
    const typeOk =
      wantedType === undefined ||
      types === null ||
      types.includes(wantedType) ||
      (types.includes(ALL_OTHERS) && !explicitGroups.has(wantedType));
    return typeOk && (wantedBulk === undefined || o.bulks === null || o.bulks.includes(wantedBulk));
  });
  const found: { occurrence: Occurrence; value: T }[] = [];
  for (const occurrence of applicable) {
    const value = extract(occurrence.value);
    if (value === undefined)
      notes.push(`${key}: ${JSON.stringify(occurrence.value).slice(0, 100)} not mapped`);
    else found.push({ occurrence, value });
  }
  if (found.length === 0) return undefined;
  const distinct = new Set(found.map((f) => JSON.stringify(f.value)));
  if (distinct.size > 1) {
    const list = found.map((f) => `${describe(f.occurrence)}: ${JSON.stringify(f.value)}`).join('; ');
    notes.push(`${key} varies (${list}): pass a building type and district type to choose`);
    return undefined;
  }
  // One value: it is clear if it applies to every building type and every district type (or the context chose).
  const bulkUnion = new Set(found.flatMap((f) => f.occurrence.bulks ?? STANDARD_BULKS));
  const neededBulks = options.permittedBulks.length > 0 ? options.permittedBulks : STANDARD_BULKS;
  const allBulks = wantedBulk !== undefined || covers(bulkUnion, neededBulks);
  const allTypes =
    wantedType !== undefined || found.some((f) => f.occurrence.districtTypes?.includes(ALL_OTHERS) ?? true);
  if (!allBulks || !allTypes) {
    const scope = [...new Set(found.map((f) => describe(f.occurrence)))].join('; ');
    notes.push(
      `${key} ${JSON.stringify(found[0].value)} applies only to ${scope}: not mapped without a context`,
    );
    return undefined;
  }
  return found[0].value;
}

/** A number, or { max | maximum: number }. */
export function maxNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (!isRecord(value)) return undefined;
  const max = value.max ?? value.maximum;
  return typeof max === 'number' ? max : undefined;
}

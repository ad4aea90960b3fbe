import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { systemActor } from '../../server/modules/audit/actor.js';
import { openLayerSource } from '../../server/modules/zoning/feature-source.js';
import { importDistrictsLayer } from '../../server/modules/zoning/import-districts.js';
import { importOverlaysLayer } from '../../server/modules/zoning/import-overlays.js';
import { importParcelsLayer } from '../../server/modules/zoning/import-parcels.js';
import { ImportRejected, type ImportReport } from '../../server/modules/zoning/import-report.js';
import { importRuleTable } from '../../server/modules/zoning/import-rule-tables.js';
import { importZonesLayer } from '../../server/modules/zoning/import-zones.js';
import { LAND_USES, type LandUse } from '../../shared/land-use.js';
import { openCommandDatabase } from '../open-database.js';

const KINDS = ['parcels', 'zones', 'overlays', 'districts', 'rules', 'tariff'] as const;
type Kind = (typeof KINDS)[number];

const USAGE = `Usage: npm run cli -- import <parcels|zones|overlays|districts|rules|tariff> FILE [options]

FILE is GeoJSON (.geojson/.json) or a Shapefile (.shp with .dbf, .prj, .cpg beside it), in WGS84 or UTM 38N-41N.
An import lands whole or not at all; every feature that cannot be imported is listed with the reason.
rules and tariff take a JSON file: a dated zoning rule table or permit tariff (see docs/zoning.md).

  --municipality CODE   which municipality (default: DEFAULT_MUNICIPALITY, or the only one)
  --crs EPSG:32639      the layer's CRS when the file does not say (EPSG:4326, EPSG:32638 … EPSG:32641)
  --name TEXT           the layer's name (default: the file name)
  --code-field NAME     zones: the attribute holding the zone code (default: zone_code, zone, code, …)
  --type TYPE           overlays: one type for every feature (street_widening, heritage, protected, flood, fault, other)
  --type-field NAME     overlays: the attribute holding each feature's type (default: overlay_type, type, kind)
  --district N          parcels: put every parcel in district N (default: the district attribute or boundary)
  --land-use USE        parcels: land use of parcels whose file has none (${LAND_USES.join(', ')})
  --number-field NAME   districts: the attribute holding the district number (default: district, number)
`;

type Options = Record<string, string>;

function parse(args: string[]): { kind: Kind; file: string; options: Options } {
  const [kind, file, ...rest] = args;
  if (!kind || !(KINDS as readonly string[]).includes(kind))
    throw new Error(`Say what to import: ${KINDS.join(', ')}.`);
  if (!file || file.startsWith('--')) throw new Error('Give the file to import.');
  const options: Options = {};
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].split(/=(.*)/s, 2);
    if (!flag.startsWith('--')) throw new Error(`Unexpected argument "${rest[i]}".`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    options[flag.slice(2)] = value;
  }
  return { kind: kind as Kind, file, options };
}

async function resolveMunicipalityId(
  db: Awaited<ReturnType<typeof openCommandDatabase>>['db'],
  code: string | undefined,
) {
  const { resolveMunicipality } = await import('../../server/modules/accounts/resolve-municipality.js');
  return (await resolveMunicipality(db, code, process.env.DEFAULT_MUNICIPALITY || undefined)).id;
}

/** `import`: loads a GIS layer (parcels, zones, overlays or district boundaries) from a file, with progress. */
export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    if (args.includes('--help')) throw new Error('');
    parsed = parse(args);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { kind, file, options } = parsed;
  if (options['land-use'] && !(LAND_USES as readonly string[]).includes(options['land-use'])) {
    process.stderr.write(`Unknown land use "${options['land-use']}".\n\n${USAGE}`);
    return 1;
  }
  if (kind === 'rules' || kind === 'tariff') return importTable(kind, file, options);
  const source = await openLayerSource(file, { crs: options.crs });
  const handle = await openCommandDatabase();
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {value} features | {duration_formatted}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { phase: 'reading    ' });
  const started = performance.now();
  try {
    const municipalityId = await resolveMunicipalityId(handle.db, options.municipality);
    const common = {
      db: handle.db,
      municipalityId,
      features: source.features(),
      crs: source.crs,
      file,
      layerName: options.name ?? file.split('/').pop() ?? file,
      actor: systemActor(municipalityId),
      at: new Date(),
      onProgress: (done: number, phase: string) => {
        bar.setTotal(Math.max(done, bar.getTotal()));
        bar.update(done, { phase: phase.padEnd(11) });
      },
    };
    let report: ImportReport;
    if (kind === 'zones') report = await importZonesLayer({ ...common, codeField: options['code-field'] });
    else if (kind === 'overlays') {
      report = await importOverlaysLayer({
        ...common,
        typeField: options['type-field'],
        fixedType: options.type,
      });
    } else if (kind === 'districts')
      report = await importDistrictsLayer({ ...common, numberField: options['number-field'] });
    else {
      report = await importParcelsLayer({
        ...common,
        districtNumber: options.district ? Number(options.district) : undefined,
        defaultLandUse: options['land-use'] as LandUse | undefined,
      });
    }
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Imported ${report.features} ${kind} from ${file} (${source.crs}, ${source.format}) in ${seconds} s` +
        (report.layerVersion ? ` as layer version ${report.layerVersion}` : '') +
        (report.parcelsClassified ? `; ${report.parcelsClassified} parcels classified` : '') +
        '.\n',
    );
    for (const warning of report.warnings.slice(0, 20))
      process.stdout.write(`  warning, feature ${warning.index}: ${warning.message}\n`);
    if (report.warnings.length > 20)
      process.stdout.write(`  … and ${report.warnings.length - 20} more warnings\n`);
    return 0;
  } catch (err) {
    bar.stop();
    if (err instanceof ImportRejected) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

async function importTable(kind: 'rules' | 'tariff', file: string, options: Options): Promise<number> {
  const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
  const handle = await openCommandDatabase();
  try {
    const municipalityId = await resolveMunicipalityId(handle.db, options.municipality);
    const result = await importRuleTable({
      db: handle.db,
      municipalityId,
      kind,
      value,
      actor: systemActor(municipalityId),
    });
    process.stdout.write(
      `Imported the ${kind === 'rules' ? 'zoning rule table' : 'permit tariff'} in force from ${result.effectiveFrom}.\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

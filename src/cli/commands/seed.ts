import { DEMO_MUNICIPALITY_CODE } from '../../server/modules/demo-city/demo-accounts.js';
import {
  DEFAULT_PARCELS,
  DEFAULT_SEED,
  resolveDemoCityOptions,
} from '../../server/modules/demo-city/generate.js';
import { seedDemoCity } from '../../server/modules/demo-city/seed-demo-city.js';
import { countingBar, parseOrExit } from '../counting-bar.js';
import { openCommandDatabase } from '../open-database.js';

const USAGE = `Usage: npm run cli -- seed [--parcels N] [--seed S] [--municipality CODE] [--no-dues]

  --parcels N          number of parcels to generate (default ${DEFAULT_PARCELS})
  --seed S             integer seed; the same seed gives the same city, ids included (default ${DEFAULT_SEED})
  --municipality CODE  code of the new municipality (default ${DEMO_MUNICIPALITY_CODE})
  --no-dues            no renewal-dues tariffs and no 1404/1405 assessment
`;

const OPTIONS = ['--parcels', '--seed', '--municipality'];

interface SeedArgs {
  parcels: number;
  seed: number;
  municipalityCode: string;
  dues: boolean;
}

function integerOption(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw.replaceAll('_', ''))) throw new Error(`${name} expects an integer, got "${raw}".`);
  return Number(raw.replaceAll('_', ''));
}

/** Parses the options; throws an Error with a message for the user on anything it does not understand. */
export function parseSeedArgs(args: string[]): SeedArgs | 'help' {
  const values: Partial<SeedArgs> = {};
  const dues = !args.includes('--no-dues');
  args = args.filter((arg) => arg !== '--no-dues');
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return 'help';
    if (!OPTIONS.includes(flag)) throw new Error(`Unknown option "${args[i]}".`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value.`);
    if (flag === '--parcels') values.parcels = integerOption(flag, value);
    else if (flag === '--seed') values.seed = integerOption(flag, value);
    else values.municipalityCode = value;
  }
  return { ...resolveDemoCityOptions(values), dues };
}

function formatDuration(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s`;
}

/** `seed`: creates a deterministic demo city in the configured database. */
export async function run(args: string[]): Promise<number> {
  const options = parseOrExit(args, parseSeedArgs, USAGE);
  if (typeof options === 'number') return options;
  const started = performance.now();
  const handle = await openCommandDatabase();
  const bar = countingBar('Seeding parcels', { etaBuffer: 20 });
  try {
    bar.start(options.parcels, 0);
    const result = await seedDemoCity(handle.db, { ...options, onProgress: (done) => bar.update(done) });
    bar.stop();
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      `Seeded "${options.municipalityCode}" (${result.municipalityId}) on ${handle.engine}: ` +
        `${result.parcels.toLocaleString('en')} parcels, ${result.owners.toLocaleString('en')} owners ` +
        `in ${formatDuration(performance.now() - started)}; peak RSS ${peakRssMiB.toFixed(0)} MiB.\n`,
    );
    return 0;
  } finally {
    bar.stop();
    await handle.close();
  }
}

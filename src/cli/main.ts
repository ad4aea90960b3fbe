#!/usr/bin/env node
import { loadConfig } from '../server/config.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  migrate: {
    summary: 'apply pending database migrations',
    load: async () => (await import('./commands/migrate.js')).run,
  },
  seed: {
    summary: 'create a demo city (--parcels N --seed S --municipality CODE)',
    load: async () => (await import('./commands/seed.js')).run,
  },
  import: {
    summary: 'import parcels|zones|overlays|districts FILE (GeoJSON or Shapefile, WGS84 or UTM)',
    load: async () => (await import('./commands/import.js')).run,
  },
  audit: {
    summary: 'audit verify: check every audit chain',
    load: async () => (await import('./commands/audit.js')).run,
  },
  certificates: {
    summary: 'certificates rotate-key [--municipality CODE] | verify PAYLOAD --jwks FILE',
    load: async () => (await import('./commands/certificates.js')).run,
  },
  dues: {
    summary: 'dues assess --year YEAR: assess renewal dues of every parcel (resumable)',
    load: async () => (await import('./commands/dues.js')).run,
  },
  ledger: {
    summary: 'ledger check: prove the books balance and match bills and payments; exit 2 if not',
    load: async () => (await import('./commands/ledger.js')).run,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  loadConfig(); // fail early on a bad environment
  return (await command.load())(args);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

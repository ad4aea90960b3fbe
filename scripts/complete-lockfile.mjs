#!/usr/bin/env node
// Run after `npm install` when `npm ci` says "Missing: @biomejs/cli-… from lock file". The registry this project is
// installed from lacks some of Biome's optional per-platform packages; npm then leaves them out of the lock file,
// and `npm ci` refuses the lock. This adds the missing entries (version, os, cpu, optional), exactly as npm writes
// them for packages of another platform: npm ci skips them on this platform and never fetches them.
import fs from 'node:fs';

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
const added = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = /cli-(android|darwin|linux|win32)-(arm64|x64)(-musl)?$/.exec(name);
    if (packages[key] || !platform || !path.endsWith('@biomejs/biome')) continue;
    const [, os, cpu, musl] = platform;
    packages[key] = {
      version,
      cpu: [cpu],
      dev: entry.dev,
      license: entry.license,
      optional: true,
      os: [os],
      ...(os === 'linux' ? { libc: [musl ? 'musl' : 'glibc'] } : {}),
      engines: entry.engines,
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added to ${file}: ${added.join(', ')}` : `${file} already complete`);

#!/usr/bin/env node
// Run by `npm start` before the server: builds the web app into dist/web only when dist/web/index.html is
// missing or older than a source of it (src/web, index.html, vite.config.ts). Prints one line either way.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_PAGE = path.join(repoRoot, 'dist/web/index.html');
const SOURCES = ['src/web', 'index.html', 'vite.config.ts'];

/** The most recently modified file under the given paths: { file, mtimeMs }. */
function newestSource() {
  let newest = { file: null, mtimeMs: 0 };
  const visit = (absolute) => {
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(absolute)) visit(path.join(absolute, entry));
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { file: path.relative(repoRoot, absolute), mtimeMs: stat.mtimeMs };
    }
  };
  for (const source of SOURCES) visit(path.join(repoRoot, source));
  return newest;
}

function reasonToBuild() {
  const built = fs.statSync(BUILT_PAGE, { throwIfNoEntry: false });
  if (!built) return 'dist/web/index.html is missing';
  const newest = newestSource();
  return newest.mtimeMs > built.mtimeMs ? `${newest.file} changed since the last build` : null;
}

async function main() {
  const reason = reasonToBuild();
  if (!reason) {
    process.stdout.write('web app: dist/web is up to date\n');
    return;
  }
  let vite;
  try {
    vite = await import('vite');
  } catch {
    const fallback = fs.existsSync(BUILT_PAGE)
      ? 'serving the existing dist/web'
      : 'the server will run without it';
    process.stdout.write(`web app: ${reason}, but vite is not installed (npm ci installs it); ${fallback}\n`);
    return;
  }
  process.stdout.write(`web app: building dist/web (${reason})… `);
  const startedAt = performance.now();
  process.chdir(repoRoot);
  process.env.NODE_ENV = 'production';
  await vite.build({ mode: 'production', logLevel: 'warn' });
  process.stdout.write(`done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
}

main().catch((error) => {
  process.stdout.write('failed\n');
  process.stderr.write(
    `web app: the build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

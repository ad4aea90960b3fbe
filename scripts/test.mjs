#!/usr/bin/env node
// `npm test`: the integration suite (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), then the browser
// journeys (skipped with a message where Chromium is missing, unless CI is set). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const suites = [{ name: 'integration', args: ['run'] }];
if (process.env.SKIP_E2E !== '1')
  suites.push({ name: 'e2e', args: ['run', '--config', 'vitest.e2e.config.ts'] });

fs.mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
for (const suite of suites) {
  const report = `.tmp/vitest-${suite.name}.json`;
  fs.rmSync(report, { force: true });
  const result = spawnSync(
    'npx',
    [
      'vitest',
      ...suite.args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) exitCode = 1;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  } else {
    exitCode = 1;
    totals.failed += 1;
  }
}
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(
  `\ntests (${database}): ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(exitCode);

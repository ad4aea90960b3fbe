import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, MISSING_CHROMIUM } from './browser.js';
import { startServer } from './server.js';

/** Builds the web app when stale and starts one real server for every browser journey of the run. */
export default async function setup(project: TestProject) {
  if (!chromiumAvailable()) {
    if (process.env.CI) throw new Error(`Browser journeys cannot run with CI set: ${MISSING_CHROMIUM}`);
    process.stderr.write(
      `\nBrowser journeys skipped: ${MISSING_CHROMIUM} (with CI set this fails the run)\n\n`,
    );
    project.provide('e2eBaseUrl', '');
    return;
  }
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  const startedAt = performance.now();
  const server = await startServer();
  process.stderr.write(
    `e2e: server ready at ${server.baseUrl} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`,
  );
  project.provide('e2eBaseUrl', server.baseUrl);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

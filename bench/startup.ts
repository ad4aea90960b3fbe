import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, stopProcess, waitFor200 } from './lib/processes.js';

/** `npm start` until the first 200 from /healthz, on an empty data folder and then on the same (warm) one. */
export async function measureStartup(): Promise<{ coldMs: number; warmMs: number; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-bench-'));
  const run = async () => {
    const port = await freePort();
    const started = performance.now();
    const server = startProcess('npm', ['start', '--silent'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    await waitFor200(`http://127.0.0.1:${port}/healthz`);
    const elapsed = performance.now() - started;
    await stopProcess(server);
    return elapsed;
  };
  const coldMs = await run();
  const warmMs = await run();
  return { coldMs, warmMs, dataDir };
}

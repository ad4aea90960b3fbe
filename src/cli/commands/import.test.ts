import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function cli(dataDir: string, ...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run cli -- import', () => {
  it('imports a layer file, and refuses a bad one with exit code 2 naming the feature', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-cli-'));
    expect(cli(dataDir, 'seed', '--parcels', '60', '--municipality', 'cli-city').status).toBe(0);

    const ok = cli(dataDir, 'import', 'districts', 'test/fixtures/gis/tehran/tehran_22_districts.geojson');
    expect(ok.stdout).toContain('Imported 22 districts');
    expect(ok.status).toBe(0);

    const bad = path.join(dataDir, 'bad.geojson');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { zone_code: 'R111' },
            geometry: { type: 'Point', coordinates: [51, 35] },
          },
        ],
      }),
    );
    const refused = cli(dataDir, 'import', 'zones', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('feature 0: the geometry is a Point, not a Polygon or MultiPolygon');
    expect(refused.stderr).toContain('nothing was changed');

    const usage = cli(dataDir, 'import', 'lakes', bad);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Say what to import');
  }, 180_000);
});

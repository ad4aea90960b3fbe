import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';

function cli(env: Record<string, string>, ...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run cli -- certificates', () => {
  it('verify: checks a QR payload against a JWKS file, with no database and no network', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-cli-'));
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const kid = 'offline-20250101-abcdef';
    const jwks = path.join(dir, 'jwks.json');
    fs.writeFileSync(
      jwks,
      JSON.stringify({
        keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig', mun: 'offline' }],
      }),
    );
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      v: 1,
      n: 'IR-07-1404-000123-5',
      k: 'IR',
      m: 'offline',
      p: '3-12/4',
      o: 'N',
      iat: now,
      exp: now + 86_400,
      h: 'x',
    };
    const token = await new CompactSign(Buffer.from(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(privateKey);

    const ok = cli(
      { DATA_DIR: dir },
      'certificates',
      'verify',
      `https://x.example/verify#${token}`,
      '--jwks',
      jwks,
    );
    expect(ok.stdout).toContain('VALID: signature of offline');
    expect(ok.stdout).toContain('IR-07-1404-000123-5');
    expect(ok.status).toBe(0);

    const [header, , signature] = token.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, o: 'R' })).toString('base64url')}.${signature}`;
    const forged = cli({ DATA_DIR: dir }, 'certificates', 'verify', altered, '--jwks', jwks);
    expect(forged.stdout).toContain('INVALID: bad_signature');
    expect(forged.status).toBe(3);
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  }, 60_000);

  it('rotate-key: gives every municipality a new key and retires the old one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahrvand-cli-'));
    expect(cli({ DATA_DIR: dir }, 'seed', '--parcels', '40', '--municipality', 'cli-keys').status).toBe(0);
    const first = cli({ DATA_DIR: dir }, 'certificates', 'rotate-key', '--municipality', 'cli-keys');
    expect(first.status, first.stderr).toBe(0);
    const kid = /new key (\S+)/.exec(first.stdout)?.[1];
    expect(kid).toMatch(/^cli-keys-\d{8}-[0-9a-f]{6}$/);
    const second = cli({ DATA_DIR: dir }, 'certificates', 'rotate-key');
    expect(second.stdout).toContain(`retired ${kid}`);
    expect(cli({ DATA_DIR: dir }, 'certificates', 'rotate-key', '--municipality', 'nowhere').status).toBe(1);
  }, 240_000);
});

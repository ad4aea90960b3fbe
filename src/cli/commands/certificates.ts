import fs from 'node:fs';
import { loadConfig } from '../../server/config.js';
import { systemActor } from '../../server/modules/audit/actor.js';
import { CertificateKeyring } from '../../server/modules/certificates/keyring.js';
import { rotateSigningKey } from '../../server/modules/certificates/rotate-key.js';
import { type CertificateJwks, verifyCertificateOffline } from '../../shared/certificates/index.js';
import { openCommandDatabase } from '../open-database.js';

const USAGE = `Usage:
  npm run cli -- certificates rotate-key [--municipality CODE]   new signing key (all municipalities if none named)
  npm run cli -- certificates verify PAYLOAD --jwks FILE         check a QR payload offline against a JWKS file
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Offline: no database, no network. Exit 0 valid, 2 expired, 3 failed verification. */
async function verify(args: string[]): Promise<number> {
  const jwksFile = option(args, '--jwks');
  const payload = args.find((arg, i) => i > 0 && !arg.startsWith('--') && args[i - 1] !== '--jwks');
  if (!payload || !jwksFile) {
    process.stderr.write(USAGE);
    return 1;
  }
  const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8')) as CertificateJwks;
  const result = await verifyCertificateOffline(payload, jwks);
  if (!result.ok) {
    process.stdout.write(`INVALID: ${result.reason}\n`);
    return 3;
  }
  const c = result.claims;
  process.stdout.write(
    [
      `${result.status === 'valid' ? 'VALID' : 'EXPIRED'}: signature of ${c.m} (key ${result.kid}) is correct`,
      `  number      ${c.n}`,
      `  kind        ${c.k}`,
      `  plate       ${c.p}`,
      `  outcome     ${c.o}`,
      `  issued      ${new Date(c.iat * 1000).toISOString()}`,
      `  valid until ${new Date(c.exp * 1000).toISOString()}`,
      '  (revocation can only be checked online)',
      '',
    ].join('\n'),
  );
  return result.status === 'valid' ? 0 : 2;
}

async function rotate(args: string[]): Promise<number> {
  const code = option(args, '--municipality');
  const keyring = new CertificateKeyring(loadConfig().certificates.keySecret);
  const handle = await openCommandDatabase();
  try {
    let query = handle.db.selectFrom('municipalities').select(['id', 'code']).orderBy('code');
    if (code) query = query.where('code', '=', code);
    const municipalities = await query.execute();
    if (municipalities.length === 0) {
      process.stderr.write(code ? `No municipality with the code ${code}.\n` : 'No municipality yet.\n');
      return 1;
    }
    for (const m of municipalities) {
      const result = await rotateSigningKey(handle.db, keyring, {
        municipalityId: m.id,
        actor: systemActor(m.id),
        at: new Date(),
      });
      process.stdout.write(
        `${m.code}: new key ${result.kid}${result.retiredKid ? `, retired ${result.retiredKid}` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}

export async function run(args: string[]): Promise<number> {
  if (args[0] === 'verify') return verify(args);
  if (args[0] === 'rotate-key') return rotate(args);
  process.stderr.write(USAGE);
  return 1;
}

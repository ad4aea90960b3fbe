import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseEngine } from './db/connection.js';
import type { Database } from './db/schema.js';
import type { CaseHooks } from './modules/cases/case-hooks.js';
import type { CertificateKeyring } from './modules/certificates/keyring.js';
import type { SmsSender } from './modules/notifications/sms/sms-sender.js';
import type { BlobStore } from './storage/blob-store.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything the app needs from outside, wired once in main.ts (and by the test harness). */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  engine: DatabaseEngine;
  clock: Clock;
  /** When absent, the app builds the configured SMS adapter itself. */
  sms?: SmsSender;
  /** When absent, the configured document store (a folder in DATA_DIR, or S3). */
  blobs?: BlobStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** caseHooks: what services do when their cases close (the inquiry service registers its own). */
    deps: AppDeps & { sms: SmsSender; caseHooks: CaseHooks };
    blobStore: BlobStore;
    /** The municipalities' certificate signing keys: pass it to `issueCertificate`. */
    certificateKeys: CertificateKeyring;
  }
}

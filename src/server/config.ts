import path from 'node:path';
import { type StorageConfig, storageConfigFrom } from './storage/build-blob-store.js';

export type SmsProvider = 'kavenegar' | 'log';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  publicUrl: string;
  defaultMunicipality: string | undefined;
  seedDemoCity: boolean;
  secureCookies: boolean;
  storage: StorageConfig;
  sms: {
    provider: SmsProvider;
    apiUrl: string | undefined;
    apiKey: string;
    sender: string;
    simulator: boolean;
  };
  certificates: {
    /** Seals the municipalities' private signing keys in the database (AES-256-GCM); required in production. */
    keySecret: string | undefined;
  };
  dues: {
    /** Chunks of an assessment billed at once (PostgreSQL); unset: one per core up to two. PGlite: always one. */
    assessmentWorkers: number | undefined;
  };
  payments: {
    /** The gateway driver: ZarinPal REST v4 (the built-in sandbox speaks it too). */
    gateway: 'zarinpal';
    /** The gateway's base URL; unset in development: the built-in sandbox. */
    gatewayUrl: string | undefined;
    merchantId: string;
    /** Start the sandbox gateway on its own port (development). */
    sandbox: boolean;
    sandboxPort: number;
    /** Where the gateway sends payers back; unset: PUBLIC_URL when set, else this server's own address. */
    callbackBaseUrl: string | undefined;
    timeoutMinutes: number;
    reconcileEveryMinutes: number;
    /** A payment younger than this is left to its payer and callback; reconciliation asks about older ones. */
    reconcileGraceSeconds: number;
  };
  webhooks: {
    /** Callback URLs may use plain http (https is required otherwise, except for localhost). */
    allowHttp: boolean;
    /** Callback URLs may point into loopback, private, link-local or other non-public ranges (SSRF guard). */
    allowPrivateNetworks: boolean;
    /** How long a receiver has to answer one delivery. */
    timeoutSeconds: number;
  };
  auth: {
    sessionTtlHours: number;
    otpTtlSeconds: number;
    otpMaxAttempts: number;
    otpResendSeconds: number;
    staffMaxFailures: number;
    staffLockMinutes: number;
    accessTokenTtlSeconds: number;
  };
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Configuration error: ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function boolFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`Configuration error: ${name} must be true or false, got "${raw}"`);
}

function envName(raw: string | undefined): Config['env'] {
  if (raw === 'production' || raw === 'test') return raw;
  return 'development';
}

/** Reads the configuration from environment variables (documented in README.md). */
export function loadConfig(env: Env = process.env): Config {
  const mode = envName(env.NODE_ENV);
  const port = intFrom(env, 'PORT', 3000);
  const host = env.HOST ?? '0.0.0.0';
  const smsProvider = (env.SMS_PROVIDER ?? 'kavenegar') as SmsProvider;
  if (smsProvider !== 'kavenegar' && smsProvider !== 'log') {
    throw new Error(`Configuration error: SMS_PROVIDER must be "kavenegar" or "log", got "${smsProvider}"`);
  }
  const simulator = boolFrom(env, 'SMS_SIMULATOR', mode !== 'production');
  if (mode === 'production' && smsProvider === 'kavenegar' && !env.SMS_API_URL) {
    throw new Error('Configuration error: SMS_API_URL is required in production');
  }
  const certificateKeySecret = env.CERTIFICATE_KEY_SECRET || undefined;
  if (mode === 'production' && !certificateKeySecret) {
    throw new Error(
      'Configuration error: CERTIFICATE_KEY_SECRET is required in production (32 characters or more)',
    );
  }
  if (certificateKeySecret && certificateKeySecret.length < 32) {
    throw new Error('Configuration error: CERTIFICATE_KEY_SECRET must be 32 characters or more');
  }
  const paymentSandbox = boolFrom(env, 'PAYMENT_SANDBOX', mode === 'development');
  const merchantId = env.PAYMENT_MERCHANT_ID ?? '00000000-0000-4000-8000-000000000000';
  if (merchantId.length !== 36) {
    throw new Error('Configuration error: PAYMENT_MERCHANT_ID must be the 36-character merchant ID');
  }
  return {
    env: mode,
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    defaultMunicipality: env.DEFAULT_MUNICIPALITY || undefined,
    seedDemoCity: boolFrom(env, 'SEED_DEMO_CITY', mode !== 'production'),
    secureCookies: boolFrom(env, 'SECURE_COOKIES', mode === 'production'),
    storage: storageConfigFrom(env),
    sms: {
      provider: smsProvider,
      apiUrl: env.SMS_API_URL || undefined,
      apiKey: env.SMS_API_KEY ?? 'dev-sms-key',
      sender: env.SMS_SENDER ?? '10004346',
      simulator,
    },
    certificates: { keySecret: certificateKeySecret },
    dues: {
      assessmentWorkers: env.DUES_ASSESSMENT_WORKERS
        ? Math.max(1, intFrom(env, 'DUES_ASSESSMENT_WORKERS', 1))
        : undefined,
    },
    payments: {
      gateway: 'zarinpal',
      gatewayUrl: env.PAYMENT_GATEWAY_URL?.replace(/\/$/, '') || undefined,
      merchantId,
      sandbox: paymentSandbox,
      sandboxPort: intFrom(env, 'PAYMENT_SANDBOX_PORT', 3100),
      callbackBaseUrl: (env.PAYMENT_CALLBACK_BASE_URL || env.PUBLIC_URL || undefined)?.replace(/\/$/, ''),
      timeoutMinutes: intFrom(env, 'PAYMENT_TIMEOUT_MINUTES', 20),
      reconcileEveryMinutes: intFrom(env, 'PAYMENT_RECONCILE_MINUTES', 5),
      reconcileGraceSeconds: intFrom(env, 'PAYMENT_RECONCILE_GRACE_SECONDS', 60),
    },
    webhooks: {
      allowHttp: boolFrom(env, 'WEBHOOK_ALLOW_HTTP', mode !== 'production'),
      allowPrivateNetworks: boolFrom(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', mode !== 'production'),
      timeoutSeconds: intFrom(env, 'WEBHOOK_TIMEOUT_SECONDS', 10),
    },
    auth: {
      sessionTtlHours: intFrom(env, 'SESSION_TTL_HOURS', 12),
      otpTtlSeconds: intFrom(env, 'OTP_TTL_SECONDS', 120),
      otpMaxAttempts: intFrom(env, 'OTP_MAX_ATTEMPTS', 5),
      otpResendSeconds: intFrom(env, 'OTP_RESEND_SECONDS', 60),
      staffMaxFailures: intFrom(env, 'STAFF_MAX_FAILED_LOGINS', 5),
      staffLockMinutes: intFrom(env, 'STAFF_LOCK_MINUTES', 15),
      accessTokenTtlSeconds: intFrom(env, 'ACCESS_TOKEN_TTL_SECONDS', 600),
    },
  };
}

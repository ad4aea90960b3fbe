import path from 'node:path';
import { buildApp } from './app.js';
import { systemClock } from './app-deps.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { hasAnyMunicipality, seedDemoCity } from './modules/demo-city/seed-demo-city.js';
import { scheduleReconciliation } from './modules/payments/build-payments.js';
import { startZarinpalSandbox } from './modules/payments/sandbox/zarinpal-sandbox.js';

/** Starts Shahrvand: config → database (embedded or PostgreSQL) → migrations → demo city on first start → HTTP. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl })
    : await openDatabase({ dataDir: path.join(config.dataDir, 'pgdata') });
  const applied = await migrate(database.pool);
  const seeded = config.seedDemoCity && !(await hasAnyMunicipality(database.db));
  if (seeded) await seedDemoCity(database.db, {});

  // Development: a local gateway speaking ZarinPal's protocol on its own port, unless a real one is configured.
  const sandbox =
    config.payments.sandbox && !config.payments.gatewayUrl
      ? await startZarinpalSandbox({
          host: config.host,
          port: config.payments.sandboxPort,
          merchantIds: [config.payments.merchantId],
          stateFile: path.join(config.dataDir, 'payment-sandbox.json'),
        })
      : null;
  if (sandbox) config.payments.gatewayUrl = sandbox.url;

  const app = await buildApp({ config, db: database.db, engine: database.engine, clock: systemClock });
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    {
      database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})`,
      migrationsApplied: applied,
      demoCitySeeded: seeded,
      startupMs: Math.round(performance.now() - startedAt),
    },
    `Shahrvand is serving at ${config.publicUrl}`,
  );

  if (sandbox) app.log.info(`payment sandbox gateway (ZarinPal v4) at ${sandbox.url}`);
  else if (!config.payments.gatewayUrl)
    app.log.warn('no PAYMENT_GATEWAY_URL: online payments are unavailable');

  void warmZoningIndexes(app);
  await scheduleReconciliation(app.payments);
  app.jobs.start();
  app.webhooks.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await sandbox?.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Builds every municipality's spatial indexes after the server is listening, so start-up stays fast. */
async function warmZoningIndexes(app: Awaited<ReturnType<typeof buildApp>>): Promise<void> {
  try {
    const municipalities = await app.deps.db.selectFrom('municipalities').select(['id', 'code']).execute();
    for (const municipality of municipalities) {
      const indexes = await app.zoningIndexes.get(municipality.id);
      app.log.info(
        {
          municipality: municipality.code,
          parcels: indexes.parcels.size,
          zones: indexes.zones.size,
          ms: Math.round(indexes.builtInMs),
        },
        'zoning indexes built',
      );
    }
  } catch (err) {
    app.log.error({ err }, 'building the zoning indexes failed; lookups will retry');
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(3);
  }
  process.stderr.write(
    `Shahrvand failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});

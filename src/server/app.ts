import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { registerAuthentication, requireAccessRules } from './http/authenticate.js';
import { registerErrorHandling } from './http/error-handler.js';
import { lazyRequestLogger } from './http/lazy-request-logger.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/web-app.js';
import { buildJobRunner } from './jobs/build-job-runner.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { adminRoutes } from './modules/admin/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { CaseHooks } from './modules/cases/case-hooks.js';
import { caseRoutes } from './modules/cases/routes.js';
import { serviceAdminRoutes } from './modules/cases/service-admin-routes.js';
import { CertificateKeyring } from './modules/certificates/keyring.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { billRoutes } from './modules/dues/bill-routes.js';
import { duesRoutes } from './modules/dues/dues-routes.js';
import { inquiryRoutes } from './modules/inquiries/routes.js';
import { inquirySettingsRoutes } from './modules/inquiries/settings-routes.js';
import { violationRoutes } from './modules/inquiries/violation-routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { buildSmsSender } from './modules/notifications/sms/build-sms-sender.js';
import { smsSimulator } from './modules/notifications/sms/simulator.js';
import { observabilityRoutes } from './modules/observability/routes.js';
import { parcelRoutes } from './modules/parcels/routes.js';
import { buildPaymentDeps } from './modules/payments/build-payments.js';
import { paymentFinanceRoutes } from './modules/payments/finance-routes.js';
import { paymentRoutes } from './modules/payments/routes.js';
import { webhookAdminRoutes } from './modules/webhooks/admin-routes.js';
import { WebhookDispatcher } from './modules/webhooks/dispatcher.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { zoningRoutes } from './modules/zoning/routes.js';
import { ZoningIndexRegistry } from './modules/zoning/zoning-index.js';
import { buildBlobStore } from './storage/build-blob-store.js';

export type App = FastifyInstance;

function parseFormBody(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends API clients' webhook deliveries; main.ts starts its polling, tests call `runDue()`. */
    webhooks: WebhookDispatcher;
  }
}

function buildWebhookDispatcher(app: FastifyInstance): WebhookDispatcher {
  const { db, clock, config } = app.deps;
  const dispatcher = new WebhookDispatcher(db, clock, app.log, {
    timeoutSeconds: config.webhooks.timeoutSeconds,
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    keySecret: config.certificates.keySecret,
  });
  app.addHook('onClose', async () => dispatcher.stop());
  return dispatcher;
}

/** Builds the whole HTTP app from its dependencies: used by main.ts and by the tests alike. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const logged = deps.config.logLevel !== 'silent';
  const app = Fastify({
    logger: logged ? { level: deps.config.logLevel } : false,
    ...(logged && { childLoggerFactory: lazyRequestLogger }),
    trustProxy: true,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', {
    ...deps,
    sms: deps.sms ?? buildSmsSender(deps.config, app),
    caseHooks: new CaseHooks(),
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseFormBody(body as string));
    },
  );

  app.decorate('zoningIndexes', new ZoningIndexRegistry(deps.db));
  app.decorate('payments', buildPaymentDeps(app));
  app.decorate('jobs', buildJobRunner(app));
  app.decorate('webhooks', buildWebhookDispatcher(app));
  app.decorate('certificateKeys', new CertificateKeyring(deps.config.certificates.keySecret));
  app.decorate('blobStore', deps.blobs ?? buildBlobStore(deps.config.storage, deps.config.dataDir));
  await app.register(cookie);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await registerWebApp(app);
  requireAccessRules(app, ['/docs']);
  registerAuthentication(app);
  await registerOpenApi(app);

  await app.register(observabilityRoutes);
  if (deps.config.sms.simulator) await app.register(smsSimulator, { apiKey: deps.config.sms.apiKey });
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(parcelRoutes);
  await app.register(zoningRoutes);
  await app.register(caseRoutes);
  await app.register(serviceAdminRoutes);
  await app.register(notificationRoutes);
  await app.register(auditRoutes);
  await app.register(certificateRoutes);
  await app.register(billRoutes);
  await app.register(duesRoutes);
  await app.register(paymentRoutes);
  await app.register(paymentFinanceRoutes);
  await app.register(webhookRoutes);
  await app.register(webhookAdminRoutes);
  await app.register(inquiryRoutes);
  await app.register(violationRoutes);
  await app.register(inquirySettingsRoutes);
  return app;
}

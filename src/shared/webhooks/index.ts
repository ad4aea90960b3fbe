export type { WebhookHeaders, WebhookVerification } from './signature.js';
export { signWebhook, verifyWebhookSignature } from './signature.js';

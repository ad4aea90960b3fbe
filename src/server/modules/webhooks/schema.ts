import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

export const tags = ['webhooks'];

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Type.Null(), Timestamp]);

export const WebhookEndpoint = Type.Object(
  {
    apiClientId: Uuid,
    url: Type.String({ description: 'Where deliveries are POSTed' }),
    enabled: Type.Boolean({ description: 'False while an administrator has paused deliveries' }),
    secretVersion: Type.Integer({ description: 'Goes up by one at every secret rotation' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    rotatedAt: NullableTimestamp,
  },
  { description: "An API client's callback URL; the signing secret is never shown again after it is issued" },
);

export const WebhookEndpointWithSecret = Type.Object({
  endpoint: WebhookEndpoint,
  secret: Type.String({
    description:
      'The signing secret ("whsec_…"), shown this once: store it now. Verify each delivery with it (docs/webhooks.md).',
  }),
});

export const WebhookEndpointSaved = Type.Object({
  endpoint: WebhookEndpoint,
  secret: Type.Union([Type.Null(), Type.String()], {
    description:
      'The signing secret ("whsec_…"), shown this once, when the endpoint was just registered (201); null when only the URL changed',
  }),
});

export const EndpointUrlBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        'https:// URL on the public internet (http:// only to localhost, or where the operator allows it)',
    }),
  },
  { additionalProperties: false },
);

export const AdminEndpointBody = Type.Object(
  {
    url: EndpointUrlBody.properties.url,
    enabled: Type.Optional(Type.Boolean({ description: 'Pause (false) or resume (true) deliveries' })),
  },
  { additionalProperties: false },
);

export const EnabledBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

export const WebhookDelivery = Type.Object(
  {
    id: Uuid,
    eventId: Type.String({
      description: 'The webhook-id header and the body\'s "id": the same on every attempt',
    }),
    type: Type.String({ description: 'Event type, e.g. "inquiry.issued"' }),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], {
      description:
        'pending: waiting for (another) attempt; delivered: a 2xx answer; failed: attempts used up',
    }),
    attempts: Type.Integer(),
    nextAttemptAt: NullableTimestamp,
    lastAttemptAt: NullableTimestamp,
    lastStatus: Type.Union([Type.Null(), Type.Integer()], { description: "The receiver's last HTTP status" }),
    lastError: Type.Union([Type.Null(), Type.String()]),
    deliveredAt: NullableTimestamp,
    createdAt: Timestamp,
    payload: Type.Object(
      {},
      { additionalProperties: true, description: 'The JSON body sent: { id, type, createdAt, data }' },
    ),
  },
  { description: 'One event for one API client, and how its delivery went' },
);

export const DeliveriesQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export const DeliveryList = Type.Object({ deliveries: Type.Array(WebhookDelivery) });

export const DeliveryParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ClientParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ClientDeliveryParams = Type.Object(
  { id: Uuid, deliveryId: Uuid },
  { additionalProperties: false },
);

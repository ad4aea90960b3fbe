import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

export const CaseParams = Type.Object({ id: Uuid });

/** How a citizen consented to an office acting for them: the code texted to them, or an in-person ID check. */
const OtpProof = Type.Object(
  { method: Type.Literal('otp'), challengeId: Uuid, code: Type.String({ pattern: '^[0-9۰-۹]{6}$' }) },
  { additionalProperties: false },
);
const InPersonProof = Type.Object(
  { method: Type.Literal('in_person'), idDocumentChecked: Type.Boolean() },
  { additionalProperties: false },
);

export const ConsentBody = Type.Object(
  {
    nationalId: Type.String({ maxLength: 20 }),
    mobile: Type.String({ maxLength: 20 }),
    serviceCode: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }),
    proof: Type.Union([OtpProof, InPersonProof]),
  },
  { additionalProperties: false },
);

export const FileCaseBody = Type.Object(
  {
    serviceCode: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }),
    parcelId: Uuid,
    formData: Type.Optional(Type.Object({}, { additionalProperties: true })),
    applicant: Type.Optional(
      Type.Object(
        { nationalId: Type.String({ maxLength: 20 }), mobile: Type.String({ maxLength: 20 }) },
        { additionalProperties: false },
      ),
    ),
    consent: Type.Optional(
      Type.Union([
        Type.Object({ method: Type.Literal('recorded'), consentId: Uuid }, { additionalProperties: false }),
        OtpProof,
        InPersonProof,
      ]),
    ),
  },
  { additionalProperties: false },
);

export const ConsentCodeBody = Type.Object(
  {
    nationalId: Type.String({ maxLength: 20 }),
    mobile: Type.String({ maxLength: 20 }),
    serviceCode: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }),
  },
  { additionalProperties: false },
);

export const EditCaseBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), formData: Type.Object({}, { additionalProperties: true }) },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    action: Type.String({ minLength: 1, maxLength: 60 }),
    version: Type.Integer({
      minimum: 1,
      description: 'The version of the case you acted on; a stale one gets 409',
    }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    returnedFields: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 })),
    visitFindings: Type.Optional(Type.Object({}, { additionalProperties: true })),
    assignee: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 60 })),
    service: Type.Optional(Type.String({ maxLength: 40 })),
    assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Type.Literal('any')])),
    overdue: Type.Optional(Type.Boolean()),
    sort: Type.Union([Type.Literal('deadline'), Type.Literal('newest')], { default: 'deadline' }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const StatusQuery = Type.Object(
  {
    trackingCode: Type.String({ minLength: 8, maxLength: 30 }),
    nationalId: Type.String({ minLength: 8, maxLength: 20 }),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** Case responses are documented loosely: their form data follows each service's own definition. */
export const CaseResponse = Type.Object({}, { additionalProperties: true });

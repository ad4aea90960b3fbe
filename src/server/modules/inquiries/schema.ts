import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';

const IsoDate = Type.String({ format: 'date', description: 'Gregorian ISO date, yyyy-mm-dd' });
const Purpose = Type.Union(
  [Type.Literal('transfer'), Type.Literal('mortgage'), Type.Literal('utility_connection')],
  {
    description: 'transfer (نقل و انتقال), mortgage (ترهین) or utility_connection (انشعاب)',
  },
);
const Status = Type.Union([
  Type.Literal('issued'),
  Type.Literal('in_review'),
  Type.Literal('refused'),
  Type.Literal('withdrawn'),
]);

export const RequestInquiryBody = Type.Object(
  {
    parcel: Type.Union(
      [
        Type.Object(
          {
            renewalCode: Type.String({
              minLength: 3,
              maxLength: 40,
              description: 'Renewal code (کد نوسازی)',
            }),
          },
          { additionalProperties: false },
        ),
        Type.Object(
          {
            plate: Type.Object(
              {
                section: Type.Integer({
                  minimum: 0,
                  maximum: 9999,
                  description: 'Registration section (بخش ثبتی)',
                }),
                main: Type.Integer({ minimum: 0, maximum: 999999, description: 'Main plate (پلاک اصلی)' }),
                sub: Type.Optional(
                  Type.Array(Type.Integer({ minimum: 0, maximum: 999999 }), { maxItems: 10 }),
                ),
                unit: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 99999 }), Type.Null()])),
              },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
      ],
      { description: 'The parcel, by renewal code or by registration plate' },
    ),
    purpose: Purpose,
    letterNumber: Type.Optional(
      Type.String({ minLength: 1, maxLength: 30, description: "The requester's letter number" }),
    ),
    letterDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description:
        'Repeat a request safely: the same key with the same body answers with the same inquiry; the same key with another body is refused (422 idempotency_key_reused). Keys are per requester.',
    }),
  ),
});

const CertificateRef = Type.Object({
  number: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([Type.String(), Type.Null()]),
  validUntil: Type.Union([Type.String(), Type.Null()]),
  verifyUrl: Type.String({ description: 'GET it to verify by number' }),
  verifyPageUrl: Type.String({
    description: 'What the QR code holds: the public page with the signed token',
  }),
  qrToken: Type.String({ description: 'The signed token (compact JWS) printed as the QR code' }),
  pdfUrl: Type.String({ description: 'The PDF; add ?lang=fa|en|vi' }),
});

export const Inquiry = Type.Object({
  id: Uuid,
  status: Status,
  purpose: Purpose,
  autoIssued: Type.Boolean(),
  parcel: Type.Object({ id: Uuid, renewalCode: Type.String(), plate: Type.String() }),
  letterNumber: Type.Union([Type.String(), Type.Null()]),
  letterDate: Type.Union([Type.String(), Type.Null()]),
  requester: Type.Object({ kind: Type.String(), name: Type.String() }),
  decision: Type.Object(
    {
      decision: Type.Union([Type.Literal('issue'), Type.Literal('route')]),
      siteVisit: Type.Boolean(),
      day: Type.String({ description: "The municipality's calendar day the rule was applied on" }),
      settingsEffectiveFrom: Type.String(),
      conditions: Type.Array(
        Type.Object({
          code: Type.String({
            description: 'recent_basis, nothing_owed, no_open_violation, no_pending_article_100',
          }),
          required: Type.Boolean(),
          met: Type.Boolean(),
          text: Type.String({ description: 'The condition with its numbers, in the language asked for' }),
          details: Type.Object({}, { additionalProperties: true }),
        }),
      ),
    },
    { description: 'Why it was issued at once or routed to the district: every condition of the rule' },
  ),
  case: Type.Object({
    id: Uuid,
    state: Type.String(),
    trackingCode: Type.Union([Type.String(), Type.Null()]),
  }),
  certificate: Type.Union([CertificateRef, Type.Null()]),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});

export const InquiryParams = Type.Object({ id: Uuid });

export const InquiryListQuery = Type.Object({
  about: Type.Optional(
    Type.Literal('mine', { description: 'Citizens: inquiries about the parcels they own (cartable)' }),
  ),
  status: Type.Optional(Status),
  caseId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'The inquiry a case belongs to (staff on the case page); the scope rules still apply',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});

export const InquiryList = Type.Object({ inquiries: Type.Array(Inquiry) });

export const ClearanceBody = Type.Object(
  {
    parcelId: Type.Optional(Uuid),
    renewalCode: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    description: 'The parcel: by id or by renewal code',
  },
);

export const ClearanceResponse = Type.Object({
  certificate: CertificateRef,
});

export const ParcelParams = Type.Object({ parcelId: Uuid });
export const ViolationParams = Type.Object({ id: Uuid });

const ViolationKind = Type.Union([Type.Literal('building_violation'), Type.Literal('article_100')], {
  description: 'building_violation (تخلف ساختمانی) or article_100 (a case before the Article 100 commission)',
});

export const RecordViolationBody = Type.Object(
  {
    kind: ViolationKind,
    description: Type.String({ minLength: 3, maxLength: 2000 }),
    openedOn: IsoDate,
  },
  { additionalProperties: false },
);

export const CloseViolationBody = Type.Object(
  { closedOn: IsoDate, reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const Violation = Type.Object({
  id: Uuid,
  parcelId: Uuid,
  kind: ViolationKind,
  description: Type.String(),
  openedOn: Type.String(),
  closedOn: Type.Union([Type.String(), Type.Null()]),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  open: Type.Boolean(),
});

export const ViolationList = Type.Object({ violations: Type.Array(Violation) });

const SettingsFields = {
  effectiveFrom: IsoDate,
  responseValidityMonths: Type.Integer({
    minimum: 1,
    maximum: 24,
    description: 'Jalali months an inquiry response is valid, and an earlier one counts',
  }),
  completionMonths: Type.Integer({
    minimum: 0,
    maximum: 60,
    description: 'Jalali months a completion certificate counts for auto-issuance',
  }),
  clearanceValidityMonths: Type.Integer({ minimum: 1, maximum: 24 }),
  requireNothingOwed: Type.Boolean(),
  requireNoOpenViolation: Type.Boolean(),
  requireNoPendingArticle100: Type.Boolean(),
  siteVisitWhenRouted: Type.Boolean({ description: 'A request not auto-issued goes to a site visit first' }),
};

export const PublishSettingsBody = Type.Object(SettingsFields, { additionalProperties: false });

const SettingsVersion = Type.Object({ id: Uuid, ...SettingsFields });

export const SettingsResponse = Type.Object({
  today: Type.String(),
  inForce: Type.Union([SettingsVersion, Type.Null()]),
  versions: Type.Array(SettingsVersion),
});

export { SettingsVersion };

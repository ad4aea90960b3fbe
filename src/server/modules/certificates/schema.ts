import { Type } from 'typebox';

const Localized = Type.Object({ fa: Type.String(), en: Type.String(), vi: Type.Optional(Type.String()) });

export const CertificateNumberParams = Type.Object({
  number: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'Certificate number, e.g. IR-07-1404-000123-5',
  }),
});

export const PdfQuery = Type.Object({
  lang: Type.Optional(
    Type.Union([Type.Literal('fa'), Type.Literal('en'), Type.Literal('vi')], { default: 'fa' }),
  ),
});

export const VerifyPayloadBody = Type.Object(
  {
    payload: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'What the QR code holds: the verification URL, or the compact JWS alone',
    }),
  },
  { additionalProperties: false },
);

export const RevokeBody = Type.Object(
  { reason: Type.String({ minLength: 5, maxLength: 1000 }) },
  { additionalProperties: false },
);

const Result = Type.Union(
  [
    Type.Literal('valid'),
    Type.Literal('expired'),
    Type.Literal('revoked'),
    Type.Literal('unknown'),
    Type.Literal('forged'),
  ],
  {
    description:
      'valid, expired, revoked, unknown (no such certificate) or forged (a payload that fails its checks)',
  },
);

const Kind = Type.Union([
  Type.Literal('inquiry_response'),
  Type.Literal('clearance'),
  Type.Literal('building_permit'),
  Type.Literal('completion'),
]);
const Outcome = Type.Union([
  Type.Literal('no_objection'),
  Type.Literal('conditional'),
  Type.Literal('refused'),
]);

export const PublicFacts = Type.Object({
  number: Type.String(),
  kind: Kind,
  municipality: Type.Object({ code: Type.String(), name: Localized }),
  district: Type.Integer(),
  plate: Type.String({ description: 'section-main/sub, e.g. 3-1234/56' }),
  outcome: Outcome,
  purpose: Type.Union([Type.String(), Type.Null()]),
  owners: Type.Array(Type.String(), { description: "Owners' names, masked" }),
  issuedAt: Type.String({ format: 'date-time' }),
  validUntil: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  keyId: Type.String(),
  contentHash: Type.String(),
});

export const NumberVerification = Type.Object({
  result: Result,
  certificate: Type.Union([PublicFacts, Type.Null()]),
});

export const PayloadVerification = Type.Object({
  result: Result,
  signature: Type.Object({
    valid: Type.Boolean(),
    reason: Type.Union([Type.String(), Type.Null()], {
      description:
        'Why a payload failed: malformed, unknown_key, bad_signature, wrong_municipality, content_mismatch',
    }),
    keyId: Type.Union([Type.String(), Type.Null()]),
  }),
  certificate: Type.Union([PublicFacts, Type.Null()]),
});

const Finding = Type.Object({
  code: Type.String(),
  label: Localized,
  result: Localized,
  status: Type.Union([Type.Literal('clear'), Type.Literal('attention'), Type.Literal('blocking')]),
});

export const CertificateDetail = Type.Object({
  ...PublicFacts.properties,
  status: Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('revoked')]),
  caseId: Type.Union([Type.String(), Type.Null()]),
  parcel: Type.Object({}, { additionalProperties: true }),
  owners: Type.Array(
    Type.Object({
      kind: Type.String(),
      name: Type.String(),
      nationalId: Type.String(),
      share: Type.Object({ numerator: Type.Integer(), denominator: Type.Integer() }),
    }),
  ),
  findings: Type.Array(Finding),
  reasons: Type.Array(Localized),
  requester: Type.Union([Type.Object({ kind: Type.String(), name: Type.String() }), Type.Null()]),
  revocationReason: Type.Union([Type.String(), Type.Null()]),
  token: Type.String({ description: 'The signed payload the QR code carries (compact JWS)' }),
});

export const Jwks = Type.Object({
  keys: Type.Array(
    Type.Object({
      kty: Type.Literal('OKP'),
      crv: Type.Literal('Ed25519'),
      x: Type.String(),
      kid: Type.String(),
      alg: Type.Literal('EdDSA'),
      use: Type.Literal('sig'),
      mun: Type.String({ description: 'Code of the municipality that signs with this key' }),
    }),
  ),
});

export const SigningKeys = Type.Object({
  keys: Type.Array(
    Type.Object({
      kid: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      current: Type.Boolean(),
    }),
  ),
});

export const RotatedKey = Type.Object({
  kid: Type.String(),
  retiredKid: Type.Union([Type.String(), Type.Null()]),
});

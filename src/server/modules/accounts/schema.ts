import { Type } from 'typebox';
import { MunicipalityCode, Uuid } from '../../http/schemas.js';

const digits = (min: number, max: number) => `^[0-9۰-۹٠-٩ +-]{${min},${max}}$`;

export const CitizenOtpRequest = Type.Object(
  {
    municipality: Type.Optional(MunicipalityCode),
    nationalId: Type.String({
      pattern: digits(8, 12),
      description: 'کد ملی; Persian, Arabic-Indic or Latin digits',
    }),
    mobile: Type.String({ pattern: digits(10, 16), description: 'Iranian mobile number, e.g. 09121234567' }),
  },
  { additionalProperties: false },
);

export const CitizenOtpChallenge = Type.Object({
  challengeId: Uuid,
  expiresAt: Type.String({ format: 'date-time' }),
  resendAfterSeconds: Type.Integer(),
});

export const CitizenOtpVerify = Type.Object(
  { challengeId: Uuid, code: Type.String({ pattern: '^[0-9۰-۹٠-٩]{6}$' }) },
  { additionalProperties: false },
);

export const PasswordLogin = Type.Object(
  {
    municipality: Type.Optional(MunicipalityCode),
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  kind: Type.Union([
    Type.Literal('citizen'),
    Type.Literal('staff'),
    Type.Literal('office'),
    Type.Literal('api_client'),
  ]),
  id: Uuid,
  name: Type.String(),
  roles: Type.Array(Type.String()),
  municipality: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), timezone: Type.String() }),
  districtId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  district: Type.Optional(
    Type.Union([Type.Object({ id: Uuid, number: Type.Integer(), name: Type.String() }), Type.Null()]),
  ),
  officeId: Type.Optional(Uuid),
  nationalId: Type.Optional(Type.String()),
  csrfToken: Type.Optional(
    Type.String({ description: 'Send as X-CSRF-Token on writes made with the session cookie' }),
  ),
});

export const TokenRequest = Type.Object(
  {
    grant_type: Type.Literal('client_credentials'),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    scope: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
});

export const PublicMunicipality = Type.Object({
  code: Type.String(),
  name: Type.String(),
  names: Type.Object({ fa: Type.String(), en: Type.String(), vi: Type.String() }),
  timezone: Type.String(),
});

import type { MessageKey } from '../i18n/messages.js';

/** Every error the API can answer with: a stable code, its HTTP status. Messages live in src/server/i18n. */
export const ERROR_CATALOGUE = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  invalid_client: 401,
  otp_invalid: 401,
  otp_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  identity_mismatch: 403,
  account_disabled: 403,
  not_found: 404,
  route_not_found: 404,
  municipality_unknown: 404,
  conflict: 409,
  duplicate: 409,
  cannot_lock_yourself_out: 409,
  api_client_revoked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  otp_too_many_attempts: 429,
  otp_too_soon: 429,
  rate_limited: 429,
  municipality_required: 400,
  internal: 500,
  sms_failed: 502,
  service_unavailable: 503,
  zoning_unavailable: 409,
  illegal_transition: 409,
  guard_failed: 409,
  service_not_live: 409,
  consent_required: 403,
  case_not_editable: 409,
  certificate_already_revoked: 409,
  dues_tariff_missing: 409,
  dues_tariff_in_use: 409,
  bill_not_payable: 409,
  payment_id_outdated: 409,
  payment_gateway_unavailable: 503,
  webhook_endpoint_missing: 409,
  webhook_endpoint_disabled: 409,
  inquiry_settings_missing: 409,
  idempotency_key_reused: 422,
  parcel_owes: 409,
  violation_already_closed: 409,
  parcel_ambiguous: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** A field at fault: its name in the API (camelCase, dotted for nesting) and the rule it broke. */
export interface FieldError {
  field: string;
  rule: string;
}

export interface ErrorDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

/** An expected failure, answered as `{ error: { code, message, details } }` with the catalogue's status. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
    /** Values for the message's placeholders that are not part of the details shown to the caller. */
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code];
  }

  get messageKey(): MessageKey {
    return `errors.${this.code}` as MessageKey;
  }
}

/** Shorthand for a 400 naming the field at fault, e.g. `invalidField('nationalId', 'national_id')`. */
export function invalidField(field: string, rule: string): AppError {
  return new AppError('validation_failed', { fields: [{ field, rule }] });
}

export function notFound(entity?: string): AppError {
  return new AppError('not_found', entity ? { entity } : {});
}

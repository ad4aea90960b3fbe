import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fieldLabel, translate } from '../i18n/messages.js';
import { AppError, type FieldError } from './errors.js';
import { requestLocale } from './locale.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldOf(issue: AjvIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra =
    (issue.params.missingProperty as string | undefined) ??
    (issue.params.additionalProperty as string | undefined);
  if (extra) return path ? `${path}.${extra}` : extra;
  return path || '(body)';
}

function fromValidation(issues: AjvIssue[]): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue);
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, rule: issue.keyword });
  }
  return fields;
}

const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

/** Turns anything thrown into the catalogue's error. Unknown errors become a logged 500 with no internals. */
export function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  const fastifyError = err as FastifyError & { validation?: AjvIssue[] };
  if (fastifyError.validation)
    return new AppError('validation_failed', { fields: fromValidation(fastifyError.validation) });
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('conflict');
  const status = fastifyError.statusCode ?? 500;
  if (status === 404) return new AppError('not_found');
  if (status === 413) return new AppError('payload_too_large');
  if (status === 415) return new AppError('unsupported_media_type');
  if (status >= 400 && status < 500) return new AppError('validation_failed');
  return new AppError('internal');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(request);
  const fieldText = (error.details.fields ?? [])
    .map(({ field, rule }) => {
      const key = `fields.${rule}` as const;
      const label = `«${fieldLabel(locale, field)}»`;
      const text = translate(locale, key as Parameters<typeof translate>[1], { field: label });
      return text === key ? translate(locale, 'fields.invalid', { field: label }) : text;
    })
    .join(locale === 'fa' ? '؛ ' : '; ');
  const message = translate(locale, error.messageKey, {
    ...error.details,
    ...error.params,
    fields: fieldText,
  });
  if (error.code === 'otp_too_soon' || error.code === 'rate_limited') {
    reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
  }
  return reply.code(error.status).send({ error: { code: error.code, message, details: error.details } });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err as Error);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    return sendError(request, reply, error);
  });
}

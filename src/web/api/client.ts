import { currentLanguage } from '../i18n/setup.js';

export interface FieldProblem {
  field: string;
  rule: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: FieldProblem[]; [key: string]: unknown } };
}

/** An error answered by the API, its message already in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  hasField(field: string): boolean {
    return this.fields.some((problem) => problem.field === field || problem.field.startsWith(`${field}.`));
  }
}

/** The network failed or the answer was not the API's JSON; `message` is a translation key. */
export class NetworkError extends Error {
  constructor() {
    super('errors.network');
    this.name = 'NetworkError';
  }
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from `/api/v1/me` or a sign-in) for every later write. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const error = body.error ?? {};
  const { fields, ...details } = error.details ?? {};
  return new ApiError(
    response.status,
    error.code ?? 'unknown',
    error.message ?? response.statusText,
    fields,
    details,
  );
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  /** `signal` lets TanStack Query cancel a request nobody waits for any more (a map view already left). */
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  /** `headers` carries what one route asks for beyond the usual (an `Idempotency-Key`). */
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>('POST', path, body, undefined, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** A multipart upload: the browser sets the content type with its boundary. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

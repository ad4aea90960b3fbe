import type { OutgoingHttpHeaders } from 'node:http';
import type { App } from '../src/server/app.js';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: OutgoingHttpHeaders;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * An HTTP client over `app.inject` that behaves like a browser: it keeps cookies and, once signed in, sends the
 * CSRF token on writes. A client made with a bearer token behaves like an institution's system instead.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;
  bearer: string | null = null;
  language = 'en';

  constructor(private readonly app: App) {}

  async request<T = any>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const allHeaders: Record<string, string> = { 'accept-language': this.language, ...headers };
    if (this.cookies.size) allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers))
      allHeaders['x-csrf-token'] = this.csrfToken;
    if (this.bearer) allHeaders.authorization = `Bearer ${this.bearer}`;
    const response = await this.app.inject({ method, url, headers: allHeaders, payload: body as any });
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let parsed: unknown = response.body;
    if (String(response.headers['content-type'] ?? '').includes('application/json')) parsed = response.json();
    const result = { status: response.statusCode, body: parsed as T, headers: response.headers };
    const me = result.body as { csrfToken?: string } | null;
    if (result.status === 200 && me && typeof me === 'object' && typeof me.csrfToken === 'string')
      this.csrfToken = me.csrfToken;
    return result;
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body ?? {}, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
  get sessionCookie(): string | undefined {
    return this.cookies.get('sv_session');
  }
}

/**
 * One error type for everything a route may answer with instead of data, and one JSON shape for
 * it: `{ error: <a plain Chinese sentence for people>, code: <kind>:<surface> }` (e.g.
 * `bad_request:search`, `unauthorized:admin`). The kind decides the HTTP status; route handlers
 * turn an AppError into a response at the boundary (`errorResponse`, `errorReply` in lib/respond.ts,
 * which logs the causes), and pages show
 * its `message`. Causes (engine replies, stack traces) go to the server log, never to a response.
 */

const ERROR_KINDS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;
/** What the request was about: the public search APIs, one report, the admin APIs, signing in. */
export type Surface = 'search' | 'report' | 'admin' | 'auth';
export type ErrorCode = `${ErrorKind}:${Surface}`;

/** The sentences people read, written once (pages import them too). */
export const MESSAGES = {
  searchUnavailable: '搜索服务暂时不可用，请稍后再试。',
  internal: '服务器出了点问题，请稍后再试。',
  badSearch: '搜索参数有误。',
  badReportId: '报告编号格式不正确。',
  notFound: '没有找到。',
  reportNotFound: '没有找到这份报告，它可能已被移除。',
  signInRequired: '请先登录管理员账号。',
  crossSite: '拒绝跨站请求。',
} as const;

function defaultMessage(kind: ErrorKind, surface: Surface): string {
  if (kind === 'unavailable') return MESSAGES.searchUnavailable;
  if (kind === 'internal') return MESSAGES.internal;
  if (kind === 'unauthorized') return MESSAGES.signInRequired;
  if (kind === 'forbidden') return MESSAGES.crossSite;
  if (kind === 'bad_request') return surface === 'report' ? MESSAGES.badReportId : MESSAGES.badSearch;
  if (kind === 'not_found') return surface === 'report' ? MESSAGES.reportNotFound : MESSAGES.notFound;
  return MESSAGES.internal;
}

/** A JSON answer as status, headers and body text: what both kinds of route handler send. */
export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function replyResponse(reply: JsonReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly surface: Surface;
  readonly status: number;

  /**
   * @param message shown to people: a plain Chinese sentence (defaults to the kind's message).
   * @param options.cause kept for the server log only; options.headers go out with the answer
   *   (Allow for a 405, Retry-After for a 429); options.extra adds fields to the JSON (the run
   *   that keeps a 409 busy).
   */
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly options: { cause?: unknown; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    const [kind, surface] = code.split(':') as [ErrorKind, Surface];
    super(message ?? defaultMessage(kind, surface), { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.surface = surface;
    this.status = ERROR_KINDS[kind];
  }

  /** The answer as plain parts, for handlers that write to Node's response (pages/api). */
  toReply(): JsonReply {
    return {
      status: this.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...this.options.headers },
      body: JSON.stringify({ error: this.message, code: this.code, ...this.options.extra }),
    };
  }

  toResponse(): Response {
    return replyResponse(this.toReply());
  }
}

/** Meilisearch is down, refused the key, timed out or answered an error: always the same plain message. */
export class SearchUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('unavailable:search', undefined, { cause });
    this.name = 'SearchUnavailableError';
  }
}

/**
 * One error class for everything a route may answer with instead of data. Code decides the HTTP
 * status and the plain-words message; route handlers turn it into a response at the boundary
 * (`errorResponse`), and pages show `message`. Causes (engine replies, stack traces) stay in the
 * server log and never reach a response.
 */

export type ErrorType = 'bad_request' | 'not_found' | 'unavailable' | 'internal';
export type Surface = 'search' | 'report';
export type ErrorCode = `${ErrorType}:${Surface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  not_found: 404,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'bad_request:search': '搜索参数有误。',
  'bad_request:report': '报告编号格式不正确。',
  'not_found:search': '没有找到。',
  'not_found:report': '没有找到这份报告，它可能已被移除。',
  'unavailable:search': '搜索服务暂时不可用，请稍后再试。',
  'unavailable:report': '搜索服务暂时不可用，请稍后再试。',
  'internal:search': '服务器出了点问题，请稍后再试。',
  'internal:report': '服务器出了点问题，请稍后再试。',
};

/** A JSON answer as status, headers and body text: what both kinds of route handler send. */
export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function replyResponse(reply: JsonReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly status: number;

  /**
   * @param message shown to people: a plain Chinese sentence (defaults to the code's message).
   * @param options.cause kept for the server log only.
   */
  constructor(
    readonly code: ErrorCode,
    message?: string,
    options: { cause?: unknown } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code], { cause: options.cause });
    this.name = 'AppError';
    const [type, surface] = code.split(':') as [ErrorType, Surface];
    this.type = type;
    this.surface = surface;
    this.status = STATUS[type];
  }

  /** The answer as plain parts, for handlers that write to Node's response (pages/api). */
  toReply(): JsonReply {
    return {
      status: this.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ error: this.message, code: this.code }),
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

function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The response for anything a route handler caught. Known errors answer with their own status and
 * message; the cause of a 5xx is logged here, once. Anything else is a bug: logged, answered with
 * a plain 500 that says nothing about the cause.
 */
export function errorResponse(error: unknown, surface: Surface = 'search'): Response {
  return replyResponse(errorReply(error, surface));
}

/** errorResponse's answer as plain parts (pages/api handlers). */
export function errorReply(error: unknown, surface: Surface = 'search'): JsonReply {
  if (isAppError(error)) {
    if (error.status >= 500) console.error(`[${error.code}]`, error.cause ?? error);
    return error.toReply();
  }
  console.error(`[internal:${surface}]`, error);
  return new AppError(`internal:${surface}`).toReply();
}

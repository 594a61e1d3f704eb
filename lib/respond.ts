import { AppError, type JsonReply, replyResponse, type Surface } from './errors';
import { log } from './log';

/**
 * Where a route handler's failure becomes an answer (lib/errors.ts has the shape). Apart from
 * lib/errors.ts so that what only builds answers (proxy.ts) does not load the logger.
 */

/**
 * The answer for anything a route handler caught, as plain parts. Known errors answer with their
 * own status and message; the cause of a 5xx is logged here, once. Anything else is a bug: logged,
 * answered with a plain 500 that says nothing about the cause.
 */
export function errorReply(error: unknown, surface: Surface = 'search'): JsonReply {
  if (error instanceof AppError) {
    if (error.status >= 500) log(error.surface).error({ code: error.code, err: error.cause ?? error }, error.message);
    return error.toReply();
  }
  log(surface).error({ code: `internal:${surface}`, err: error }, 'unexpected error');
  return new AppError(`internal:${surface}`).toReply();
}

/** errorReply as a web Response (App Router route handlers). */
export function errorResponse(error: unknown, surface: Surface = 'search'): Response {
  return replyResponse(errorReply(error, surface));
}

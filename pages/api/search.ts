import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type JsonReply } from '../../lib/errors';
import { searchApiReply } from '../../lib/search/api';

/**
 * GET /api/search (lib/search/api.ts), as a Pages Router API route: the one route of the app that
 * is not under app/. It is the hot path of the portal (the search page's data, and what other
 * tools poll), and a Pages API route gets Node's own request and response, where an App Router
 * route handler builds a web Request and streams a web Response for every call. Measured with
 * `npm run bench:load` on this project's 2-core machine, cached searches at 50 connections: about
 * 1,100 req/s and p99 90–125 ms here, against 350–670 req/s and p99 165–320 ms as an app route
 * (an empty route: ~1,750 against 530–900 req/s).
 *
 * The handler is plain node:http (`(request, response)`), so tests serve it with http.createServer.
 * It never throws: every failure is a JSON answer from searchApiReply (Next would otherwise answer
 * with its HTML error page).
 */

export const config = { api: { bodyParser: false } };

/** The query string of a request target, as URLSearchParams (which never throws on bad escapes). */
function queryOf(target = ''): URLSearchParams {
  const mark = target.indexOf('?');
  return new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1));
}

function methodNotAllowed(): JsonReply {
  return new AppError('method_not_allowed:search', '只支持 GET 请求。', { headers: { allow: 'GET, HEAD' } }).toReply();
}

export default async function handler(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  const reply = reading ? await searchApiReply(queryOf(request.url)) : methodNotAllowed();
  response.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  response.end(request.method === 'HEAD' ? undefined : reply.body);
}

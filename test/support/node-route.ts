import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface ServedRoute {
  /** Sends `request` (its path, query, method and headers) to the handler over real HTTP. */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A Pages Router API handler (pages/api/*.ts: plain node:http request and response) served by
 * http.createServer on a free port, so a test calls it the way it calls an App Router route
 * handler: a Request in, a Response out.
 */
export async function serveNodeRoute(handler: NodeHandler): Promise<ServedRoute> {
  // Node answers a request line over 16 KB with 431 before any handler runs (as `next start` does,
  // e2e/reliability-params.spec.ts); here the handler itself must see the huge values of the fuzz.
  const server = http.createServer({ maxHeaderSize: 1 << 20 }, (request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fetch(request) {
      const url = new URL(request.url);
      return fetch(`${base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after } from 'node:test';

/**
 * Web servers that misbehave the way government portals (and worse) do, on loopback only, for
 * the harvester's tests: an HTTP server on 127.0.0.1 and an ephemeral port whose routes are
 * handlers built from the pieces below (dripping bytes, endless bodies, 2 GB declared or streamed,
 * redirects in a circle, 5xx and 429 that give way after a few tries, ETags …). Every request is
 * recorded with its time, so tests can check what reached the server and when. The server is
 * closed when the test file ends; none of it allocates more than a small reusable chunk.
 */

interface Hit {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void;

export interface HostileServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** An absolute URL on this server. */
  url(path: string): string;
  hits: Hit[];
  /** The hits of one path. */
  hitsOf(path: string): Hit[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (or another loopback address) with the given routes, keyed by
 * path without the query. robots.txt answers 404 unless a route says otherwise; an unknown path
 * answers 404.
 */
export async function startHostileServer(routes: Record<string, Handler> = {}, host = '127.0.0.1'): Promise<HostileServer> {
  const table = new Map<string, Handler>(Object.entries(routes));
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit: Hit = { method: req.method ?? 'GET', path, headers: req.headers, at: performance.now() };
    hits.push(hit);
    const handler = table.get(path) ?? notFound();
    try {
      handler(req, res, hit);
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  after(close);
  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    hits,
    hitsOf: (path) => hits.filter((hit) => hit.path === path),
    route: (path, handler) => table.set(path, handler),
    close,
  };
}

/** A port on 127.0.0.1 where nothing listens (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ——— handlers ———

/** A plain answer. */
export function send(body: string | Buffer, options: { status?: number; type?: string; headers?: Record<string, string> } = {}): Handler {
  return (_req, res) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(options.status ?? 200, { 'content-type': options.type ?? 'text/html; charset=utf-8', 'content-length': bytes.length, ...options.headers });
    res.end(bytes);
  };
}

export function notFound(status = 404): Handler {
  return send('<html><body>not here</body></html>', { status });
}

export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-length': 0 });
    res.end();
  };
}

/** The handlers in turn, one per request; the last one answers every request after. */
export function sequence(...handlers: Handler[]): Handler {
  let next = 0;
  return (req, res, hit) => {
    const handler = handlers[Math.min(next++, handlers.length - 1)]!;
    handler(req, res, hit);
  };
}

/** 429 with this Retry-After (seconds, or an HTTP date; a function is asked at each request). */
export function tooManyRequests(retryAfter: string | (() => string)): Handler {
  return (req, res, hit) => {
    const value = typeof retryAfter === 'function' ? retryAfter() : retryAfter;
    send('slow down', { status: 429, type: 'text/plain', headers: { 'retry-after': value } })(req, res, hit);
  };
}

/** Stops when the client goes away. */
function onGone(req: IncomingMessage, res: ServerResponse, stop: () => void) {
  req.on('close', stop);
  res.on('close', stop);
}

/** A body of `length` bytes sent one byte every `everyMs` (a Content-Length is declared, so it looks complete). */
export function drip(length = 100, everyMs = 1000): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': length });
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= length) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write('x');
      sent++;
    }, everyMs);
    onGone(req, res, () => clearInterval(timer));
  };
}

/** Headers at once, then a body that never ends (a chunk now and then, never the last one). */
export function endless(everyMs = 20, chunk = Buffer.from('<p>more</p>\n')): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write(chunk), everyMs);
    onGone(req, res, () => clearInterval(timer));
  };
}

const BLOCK = Buffer.alloc(64 * 1024, 0x41);

/**
 * A huge file: `declared` bytes announced in Content-Length (or none, chunked, when
 * `withLength` is false), written as fast as the client reads, from one reused 64 KB block,
 * until the client hangs up or it is all sent.
 */
export function huge(declared = 2 * 1024 ** 3, withLength = true): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', ...(withLength ? { 'content-length': declared } : {}) });
    let sent = 0;
    let gone = false;
    onGone(req, res, () => {
      gone = true;
    });
    const pump = () => {
      while (!gone && sent < declared) {
        const size = Math.min(BLOCK.length, declared - sent);
        sent += size;
        if (!res.write(size === BLOCK.length ? BLOCK : BLOCK.subarray(0, size))) {
          res.once('drain', pump);
          return;
        }
      }
      if (!gone) res.end();
    };
    pump();
  };
}

/** A resource with an ETag and a Last-Modified that answers 304 to a matching conditional request. */
export function withEtag(body: string | Buffer, etag: string, lastModified = 'Tue, 01 Apr 2025 00:00:00 GMT', type = 'application/pdf'): Handler {
  const full = send(body, { type, headers: { etag, 'last-modified': lastModified } });
  return (req, res, hit) => {
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    full(req, res, hit);
  };
}

import http from 'node:http';
import https from 'node:https';

/**
 * One POST to Meilisearch over node:http, the body written as it is (a string, or a batch of
 * NDJSON lines one after another without joining them) and the reply read whole. The search
 * transport (transport.ts) and the indexer's batches (indexes.ts) both send through it; each
 * turns a failure into its own error type.
 */

export interface RawReply {
  status: number;
  statusMessage: string;
  body: Buffer;
}

/** The request failed before a reply came (refused, reset, timed out); `reusedSocket` tells a kept-alive connection. */
export class PostError extends Error {
  constructor(
    readonly cause: NodeJS.ErrnoException,
    readonly reusedSocket: boolean,
  ) {
    super(cause.message, { cause });
    this.name = 'PostError';
  }
}

export interface PostOptions {
  apiKey?: string;
  contentType: string;
  body: string | readonly Buffer[];
  agent?: http.Agent;
  timeoutMs?: number;
}

export function post(url: URL, { apiKey, contentType, body, agent, timeoutMs }: PostOptions): Promise<RawReply> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  const parts = typeof body === 'string' ? [Buffer.from(body)] : body;
  let length = 0;
  for (const part of parts) length += part.length;
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'content-length': length,
    // Compressed replies stall ~40 ms on loopback (STACK.md).
    'accept-encoding': 'identity',
  };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(new PostError(error, false)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, statusMessage: response.statusMessage ?? '', body: Buffer.concat(chunks) }));
    });
    if (timeoutMs) request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => reject(new PostError(error, request.reusedSocket)));
    request.cork();
    for (const part of parts) request.write(part);
    request.uncork();
    request.end();
  });
}

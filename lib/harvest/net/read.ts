import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HarvestError } from '../types';

/**
 * Reading a response body with a size limit that holds while it streams: the count is checked at
 * every chunk, and the stream is destroyed as soon as it passes the limit, so a never-ending or
 * 2 GB body costs at most the limit in memory. A compressed body (gzip, deflate, br) is inflated
 * as it arrives and the limit applies to the inflated bytes (a decompression bomb ends the same
 * way). The whole-request deadline is the caller's: it aborts the stream, which ends this loop.
 */

export interface ReadOptions {
  maxBytes: number;
  /** The Content-Encoding header. */
  encoding?: string;
  /** `fail` (pages, files): over the limit is 'too large'. `truncate` (robots.txt): keep what fits. */
  overflow: 'fail' | 'truncate';
  url: string;
}

function decoderFor(encoding: string | undefined) {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return null;
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  if (name === 'br') return createBrotliDecompress();
  return null;
}

export async function readBody(body: Readable, options: ReadOptions): Promise<{ body: Buffer; truncated: boolean }> {
  const decoder = decoderFor(options.encoding);
  const source: Readable = decoder ? pipeline(body, decoder, () => {}) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (total + chunk.length > options.maxBytes) {
        if (options.overflow === 'truncate') {
          chunks.push(chunk.subarray(0, options.maxBytes - total));
          total = options.maxBytes;
          return { body: Buffer.concat(chunks, total), truncated: true };
        }
        throw new HarvestError('too large', options.url, `more than ${options.maxBytes} bytes`);
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (decoder && typeof code === 'string' && code.startsWith('Z_')) {
      throw new HarvestError('http error', options.url, `the ${options.encoding} body cannot be decoded (${code})`, { cause: error });
    }
    throw error;
  } finally {
    // Early exit (limit, error): stop the download and free the connection.
    if (!body.destroyed && !body.readableEnded) body.on('error', () => {}).destroy();
    if (decoder && !decoder.destroyed) decoder.on('error', () => {}).destroy();
  }
  return { body: Buffer.concat(chunks, total), truncated: false };
}

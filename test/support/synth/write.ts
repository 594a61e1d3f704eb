/**
 * Streams a synthetic corpus to disk: DIR/000/000000.txt … (1,000 files per folder) and
 * DIR/manifest.jsonl with one line of ground truth per file. Files are written one at a time, so
 * memory stays flat whatever the count.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, realpathSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import iconv from 'iconv-lite';
import { generateCorpus, type ManifestEntry, type SynthOptions } from './corpus';

export const MANIFEST_FILE = 'manifest.jsonl';
const SHARD = /^\d{3}$/;

export interface WriteProgress {
  done: number;
  total: number;
  bytes: number;
  elapsedMs: number;
}

export interface WriteResult {
  count: number;
  /** Bytes of the report files (the manifest not included). */
  bytes: number;
  manifestBytes: number;
  elapsedMs: number;
  encodings: Record<string, number>;
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function realish(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    rest.unshift(current.slice(parent.length).replace(/^[/\\]/, ''));
    current = parent;
  }
  return join(realpathSync(current), ...rest);
}

/** true when `dir` is `parent` or inside it (symlinks resolved). */
export function isInside(dir: string, parent: string): boolean {
  const rel = relative(realish(parent), realish(dir));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * Makes `out` ready: creates it, or clears a previous synthetic corpus there (its numbered folders
 * and manifest only). Refuses a non-empty folder that is not a synthetic corpus.
 */
function prepareOutDir(out: string): void {
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true });
    return;
  }
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) {
    throw new Error(`${out} is not empty and holds no ${MANIFEST_FILE}: choose an empty or new folder`);
  }
  for (const entry of entries) {
    if (SHARD.test(entry) || entry === MANIFEST_FILE) rmSync(join(out, entry), { recursive: true, force: true });
  }
}

/** Encodes a report; a GBK file falls back to GB18030 when a rare character has no GBK code. */
function encode(text: string, entry: ManifestEntry): Buffer {
  if (entry.encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const gbk = iconv.encode(text, 'gbk');
  if (iconv.decode(gbk, 'gbk') === text) return gbk;
  entry.encoding = 'gb18030';
  return iconv.encode(text, 'gb18030');
}

export function writeCorpus(options: SynthOptions & { out: string }, onProgress?: (progress: WriteProgress) => void, progressEvery = 1000): WriteResult {
  const started = performance.now();
  prepareOutDir(options.out);
  const manifest = openSync(join(options.out, MANIFEST_FILE), 'w');
  let pending: string[] = [];
  let bytes = 0;
  let manifestBytes = 0;
  let count = 0;
  const encodings: Record<string, number> = {};
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = Buffer.from(pending.join(''), 'utf8');
    writeSync(manifest, chunk);
    manifestBytes += chunk.length;
    pending = [];
  };
  try {
    for (const report of generateCorpus(options)) {
      const entry = report.manifest;
      const data = encode(report.text, entry);
      entry.bytes = data.length;
      if (report.index % 1000 === 0) mkdirSync(join(options.out, dirname(entry.file)), { recursive: true });
      writeFileSync(join(options.out, entry.file), data);
      pending.push(`${JSON.stringify(entry)}\n`);
      if (pending.length >= 500) flush();
      bytes += data.length;
      count++;
      encodings[entry.encoding] = (encodings[entry.encoding] ?? 0) + 1;
      if (onProgress && count % progressEvery === 0) {
        onProgress({ done: count, total: options.count, bytes, elapsedMs: performance.now() - started });
      }
    }
    flush();
  } finally {
    closeSync(manifest);
  }
  return { count, bytes, manifestBytes, elapsedMs: performance.now() - started, encodings };
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { IngestError, type IngestErrorCode } from '../../lib/ingest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { FILES_DIR as corpusFiles, SEEDS_DIR as seeds, seedText } from '../support/corpus';
export const fixtures = path.join(repoRoot, 'test/fixtures/ingest');

/** A temp dir removed when the test file finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-ingest-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeTemp(dir: string, name: string, content: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Asserts that the promise rejects with an IngestError of the given code, and returns it. */
export async function rejectsWith(promise: Promise<unknown>, code: IngestErrorCode, fileName?: string): Promise<IngestError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof IngestError, `expected IngestError, got ${String(err)}`);
    assert.equal(err.code, code, `expected "${code}", got "${err.message}"`);
    assert.ok(err.message.startsWith(`${code}`), err.message);
    if (fileName) assert.equal(err.fileName, fileName);
    return err;
  }
  assert.fail(`expected an IngestError "${code}", but it resolved`);
}

/** Lines of a text, for assertions on table rows. */
export function lines(text: string): string[] {
  return text.split('\n');
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real reports the tests, benchmarks and evaluations read: test/fixtures/corpus (see its
 * README for each file, its source and what it shows). The only module that names these paths.
 */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/corpus');
export const SEEDS_DIR = path.join(CORPUS_DIR, 'seeds');
export const FILES_DIR = path.join(CORPUS_DIR, 'files');
export const WEB_DIR = path.join(CORPUS_DIR, 'web');
export const WEB2_DIR = path.join(CORPUS_DIR, 'web2');

export const seedPath = (name: string) => path.join(SEEDS_DIR, name);
export const corpusFilePath = (name: string) => path.join(FILES_DIR, name);
export const seedText = (name: string) => readFileSync(seedPath(name), 'utf8');

import pino, { type DestinationStream, type Logger } from 'pino';
import { config } from './config';

/**
 * The server's log: pino, JSON lines on stdout, at NIANBAO_LOG_LEVEL (default info). One logger
 * per process, with a child per part (`log('admin')`). Secrets never reach it: keys, passwords,
 * cookies and authorization headers are redacted wherever they appear in a logged object, and
 * callers log emails and addresses, never a password.
 */

const REDACT = [
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
  'masterKey',
  '*.masterKey',
  'searchKey',
  '*.searchKey',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
];

const KEY = Symbol.for('nianbao.log');
type Store = typeof globalThis & { [KEY]?: { root: Logger; destination?: DestinationStream } };

function level(): Logger['level'] {
  try {
    return config().logLevel;
  } catch {
    // A bad variable elsewhere must not silence the log that reports it.
    return 'info';
  }
}

function root(): Logger {
  const store = globalThis as Store;
  store[KEY] ??= {
    root: pino({ level: level(), base: undefined, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination({ sync: true })),
  };
  return store[KEY].root;
}

/** The logger of one part of the server (`admin`, `auth`, `search`, …). */
export function log(part: string): Logger {
  return root().child({ part });
}

/** Sends every log line to `destination` instead of stdout: for tests that read what was logged. */
export function logTo(destination: DestinationStream): void {
  (globalThis as Store)[KEY] = {
    root: pino({ level: level(), base: undefined, redact: { paths: REDACT, censor: '[redacted]' } }, destination),
    destination,
  };
}

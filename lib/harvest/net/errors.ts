import { HarvestError, type HarvestFailure } from '../types';

/**
 * What a low-level failure (Node's socket and DNS errors, undici's, TLS) is called in the run
 * report. A HarvestError keeps its reason and is renamed with the URL the caller asked for.
 */

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL', 'ENONAME', 'ETIMEOUT']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const HTTP = new Set(['UND_ERR_RESPONSE_STATUS_CODE', 'UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_INFO']);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message) parts.push(message);
  }
  return parts.join(': ');
}

function isTls(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_)/.test(code) || /CERT|SSL|TLS|UNABLE_TO_(VERIFY|GET)/.test(code);
}

/** The named reason for a failure below HTTP. */
function failureOf(error: unknown): HarvestFailure {
  if (error instanceof HarvestError) return error.reason;
  const codes = codesOf(error);
  if (codes.some((code) => DNS.has(code))) return 'dns failure';
  if (codes.some((code) => TIMEOUT.has(code))) return 'timeout';
  if (codes.some(isTls) || /\b(SSL|TLS)\b|certificate|wrong version number/i.test(messagesOf(error))) return 'tls error';
  if (codes.some((code) => code.startsWith('HPE_') || HTTP.has(code))) return 'http error';
  return 'unreachable';
}

/** A HarvestError's words after its reason ('' when it has none). */
export function detailOf(error: HarvestError): string {
  return error.message.startsWith(`${error.reason}: `) ? error.message.slice(error.reason.length + 2) : '';
}

/** The error as a HarvestError about `url` (the URL the caller asked for; `hop` the one that failed, when a redirect led elsewhere). */
export function asHarvestError(error: unknown, url: string, hop?: string): HarvestError {
  const where = hop && hop !== url ? `${hop}: ` : '';
  if (error instanceof HarvestError) {
    if (error.url === url) return error;
    return new HarvestError(error.reason, url, `${where}${detailOf(error)}`.replace(/: $/, '') || undefined, { cause: error });
  }
  const codes = codesOf(error);
  // One line: OpenSSL's messages carry the source file and a new line.
  const message = (messagesOf(error) || String(error)).split('\n')[0]!.trim();
  const code = codes[0] && !message.includes(codes[0]) ? `${codes[0]} ` : '';
  return new HarvestError(failureOf(error), url, `${where}${code}${message}`, { cause: error });
}

import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the zip format to vet a .docx before mammoth (JSZip) inflates it: the central
 * directory tells the declared size of every entry, so a zip bomb is refused before any of it
 * is expanded.
 */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function u64(dv: DataView, at: number): number {
  return Number(dv.getBigUint64(at, true));
}

function findEndOfCentralDirectory(dv: DataView): number {
  const last = dv.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (dv.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

function readZipDirectory(buf: Uint8Array): ZipEntry[] {
  const dv = view(buf);
  if (buf.length < 22) throw new ZipFormatError('not a zip archive (too short)');
  const eocd = findEndOfCentralDirectory(dv);
  if (eocd < 0) throw new ZipFormatError('not a zip archive (no end of central directory; truncated?)');

  let count = dv.getUint16(eocd + 10, true);
  let dirSize = dv.getUint32(eocd + 12, true);
  let dirOffset = dv.getUint32(eocd + 16, true);

  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const zip64 = u64(dv, locator + 8);
    if (zip64 + 56 > buf.length || dv.getUint32(zip64, true) !== ZIP64_EOCD) throw new ZipFormatError('zip64 directory missing');
    count = u64(dv, zip64 + 32);
    dirSize = u64(dv, zip64 + 40);
    dirOffset = u64(dv, zip64 + 48);
  }
  if (dirOffset + dirSize > buf.length) throw new ZipFormatError('central directory lies outside the file (truncated?)');

  const entries: ZipEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || dv.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('damaged central directory');
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > buf.length) throw new ZipFormatError('damaged central directory');
    const name = decoder.decode(buf.subarray(nameStart, nameStart + nameLength));

    // zip64 extra field: the 8-byte values replace the 32-bit ones that read 0xFFFFFFFF, in order
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = dv.getUint16(extra, true);
      const size = dv.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= extraEnd) {
          uncompressedSize = u64(dv, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= extraEnd) {
          compressedSize = u64(dv, p);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= extraEnd) {
          localHeaderOffset = u64(dv, p);
        }
      }
      extra += 4 + size;
    }

    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The raw (still compressed) bytes of an entry. */
function entryData(buf: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(buf);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || dv.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`damaged entry ${entry.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError(`entry ${entry.name} is cut off (truncated file?)`);
  return buf.subarray(start, end);
}

export type ZipCheck = { ok: true; entries: ZipEntry[]; totalUncompressed: number } | { ok: false; problem: 'too large' | 'corrupt'; reason: string };

/**
 * Vets a zip before a library expands it: the declared sizes must add up to at most
 * `maxUncompressedBytes`, and the XML parts (what mammoth reads) must really inflate to no more
 * than they declare, so a lying header cannot smuggle a bomb past the first check.
 */
export function checkZip(buf: Uint8Array, maxUncompressedBytes: number, mustHave?: (names: string[]) => string | null, maxXmlBytes = Infinity): ZipCheck {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buf);
  } catch (err) {
    return { ok: false, problem: 'corrupt', reason: err instanceof Error ? err.message : String(err) };
  }
  const totalUncompressed = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (totalUncompressed > maxUncompressedBytes) {
    return {
      ok: false,
      problem: 'too large',
      reason: `zip declares ${formatBytes(totalUncompressed)} uncompressed, over the ${formatBytes(maxUncompressedBytes)} limit`,
    };
  }
  // The XML is what gets parsed (images are only stored): a small bomb of text is refused on its own limit.
  const xmlBytes = entries.reduce((sum, e) => sum + (/\.(xml|rels)$/i.test(e.name) ? e.uncompressedSize : 0), 0);
  if (xmlBytes > maxXmlBytes) {
    return {
      ok: false,
      problem: 'too large',
      reason: `its XML parts declare ${formatBytes(xmlBytes)} uncompressed, over the ${formatBytes(maxXmlBytes)} limit`,
    };
  }
  const missing = mustHave?.(entries.map((e) => e.name));
  if (missing) return { ok: false, problem: 'corrupt', reason: missing };

  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    try {
      const data = entryData(buf, entry);
      if (entry.method === 0) {
        if (data.length !== entry.uncompressedSize) return { ok: false, problem: 'corrupt', reason: `entry ${entry.name} has the wrong size` };
      } else if (entry.method === 8) {
        const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
        if (out.length !== entry.uncompressedSize) return { ok: false, problem: 'corrupt', reason: `entry ${entry.name} does not match its declared size` };
      } else {
        return { ok: false, problem: 'corrupt', reason: `entry ${entry.name} uses unsupported compression method ${entry.method}` };
      }
    } catch (err) {
      if (err instanceof ZipFormatError) return { ok: false, problem: 'corrupt', reason: err.message };
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, problem: 'corrupt', reason: `entry ${entry.name} inflates beyond its declared size` };
      return { ok: false, problem: 'corrupt', reason: `entry ${entry.name} does not inflate (${code ?? 'bad data'})` };
    }
  }
  return { ok: true, entries, totalUncompressed };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

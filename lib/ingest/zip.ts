import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * A .docx vetted before mammoth (JSZip) inflates it, with yauzl reading the zip: the central
 * directory tells the declared size of every entry, so a zip bomb is refused before any of it is
 * expanded, and the XML parts (what mammoth reads) are inflated once as streams that yauzl stops
 * the moment they pass their declared size, so a lying header cannot smuggle a bomb past the
 * first check.
 */
interface ZipEntry {
  name: string;
  uncompressedSize: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[]; totalUncompressed: number } | { ok: false; problem: 'too large' | 'corrupt'; reason: string };

const XML_PART = /\.(xml|rels)$/i;

/** yauzl's words for a file that is no zip at all, in ours. */
function zipReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/end of central directory record signature not found/i.test(message)) return 'not a zip archive (no end of central directory; truncated?)';
  return message;
}

function openZip(buf: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry to nothing; rejects when it is damaged or does not match its declared size. */
function drainEntry(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      stream.on('data', () => {});
      stream.once('end', () => resolve());
      stream.once('error', reject);
    });
  });
}

function entryProblem(name: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/too many bytes/i.test(message)) return `entry ${name} inflates beyond its declared size`;
  if (/not enough bytes/i.test(message)) return `entry ${name} does not match its declared size`;
  if (/compression method/i.test(message)) return `entry ${name} uses unsupported compression method`;
  return `entry ${name} does not inflate (${message.slice(0, 80)})`;
}

/**
 * Vets a zip before a library expands it: the declared sizes must add up to at most
 * `maxUncompressedBytes` (and those of the XML parts to at most `maxXmlBytes`), and the XML parts
 * must really inflate to what they declare.
 */
export async function checkZip(
  buf: Uint8Array,
  maxUncompressedBytes: number,
  mustHave?: (names: string[]) => string | null,
  maxXmlBytes = Infinity,
): Promise<ZipCheck> {
  let zip: ZipFile;
  let listed: Entry[];
  try {
    zip = await openZip(buf);
    listed = await readEntries(zip);
  } catch (err) {
    return { ok: false, problem: 'corrupt', reason: zipReason(err) };
  }
  const entries = listed.map((e) => ({ name: e.fileName, uncompressedSize: e.uncompressedSize }));
  const totalUncompressed = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (totalUncompressed > maxUncompressedBytes) {
    return {
      ok: false,
      problem: 'too large',
      reason: `zip declares ${formatBytes(totalUncompressed)} uncompressed, over the ${formatBytes(maxUncompressedBytes)} limit`,
    };
  }
  // The XML is what gets parsed (images are only stored): a small bomb of text is refused on its own limit.
  const xmlBytes = entries.reduce((sum, e) => sum + (XML_PART.test(e.name) ? e.uncompressedSize : 0), 0);
  if (xmlBytes > maxXmlBytes) {
    return {
      ok: false,
      problem: 'too large',
      reason: `its XML parts declare ${formatBytes(xmlBytes)} uncompressed, over the ${formatBytes(maxXmlBytes)} limit`,
    };
  }
  const missing = mustHave?.(entries.map((e) => e.name));
  if (missing) return { ok: false, problem: 'corrupt', reason: missing };

  for (const entry of listed) {
    if (!XML_PART.test(entry.fileName)) continue;
    try {
      await drainEntry(zip, entry);
    } catch (err) {
      return { ok: false, problem: 'corrupt', reason: entryProblem(entry.fileName, err) };
    }
  }
  return { ok: true, entries, totalUncompressed };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

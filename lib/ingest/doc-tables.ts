import WordOleExtractor, { type WordPiece } from 'word-extractor/lib/word-ole-extractor.js';

/**
 * word-extractor reads Word 97-2003 files well but loses table rows: a row's end mark only
 * becomes a line break when the paragraph's properties carry sprmPFTtp, and it misreads the
 * properties of wide rows (sprmTDefTable has a 2-byte length, and Word moves big property
 * sets to the Data stream behind sprmPHugePapx). Table 三 (ten columns) is exactly such a row,
 * so the whole table came out as one line. This subclass re-reads paragraph properties
 * correctly and marks row ends and in-cell paragraph breaks for doc.ts to resolve.
 */

/** Put where a table row ends. A Unicode noncharacter, so it cannot clash with document text. */
export const ROW_END = '\ufdd0';
/** Put where a paragraph ends inside a table cell (the cell continues on the same line). */
export const CELL_PARAGRAPH = '\ufdd1';

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPFInnerTtp = 0x244c;
const sprmPHugePapx = 0x6646;
const sprmTDefTable = 0xd608;
const sprmTDefTable10 = 0xd606;
const sprmPChgTabs = 0xc615;

interface ParagraphFlags {
  inTable: boolean;
  rowEnd: boolean;
  hugeOffset: number | null;
}

/** Operand size of a sprm at `at` (just after its 2-byte code), or -1 when it cannot be read. */
function operandSize(grpprl: Buffer, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (at >= grpprl.length) return -1;
      if (sprm === sprmTDefTable || sprm === sprmTDefTable10) return at + 1 < grpprl.length ? grpprl.readUInt16LE(at) + 1 : -1;
      if (sprm === sprmPChgTabs && grpprl[at] === 255) return -1;
      return grpprl[at]! + 1;
  }
}

function readFlags(grpprl: Buffer, start: number, flags: ParagraphFlags): void {
  let at = start;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const size = operandSize(grpprl, sprm, at);
    if (size < 0) return;
    if ((sprm === sprmPFTtp || sprm === sprmPFInnerTtp) && grpprl[at] === 1) flags.rowEnd = true;
    if (sprm === sprmPFInTable && grpprl[at] === 1) flags.inTable = true;
    if (sprm === sprmPHugePapx && at + 4 <= grpprl.length) flags.hugeOffset = grpprl.readUInt32LE(at);
    at += size;
  }
}

function findPiece(pieces: WordPiece[], filePos: number): WordPiece | undefined {
  return pieces.find((p) => filePos >= p.startFilePos && filePos < p.startFilePos + p.size);
}

/** Replaces the character at a file position, keeping the piece's length. */
function markCharAt(pieces: WordPiece[], filePos: number, mark: string, only?: (ch: string) => boolean): void {
  const piece = findPiece(pieces, filePos);
  if (!piece) return;
  const index = Math.floor((filePos - piece.startFilePos) / piece.bpc);
  const ch = piece.text[index];
  if (ch === undefined || (only && !only(ch))) return;
  piece.text = piece.text.slice(0, index) + mark + piece.text.slice(index + 1);
}

export class TableAwareWordExtractor extends WordOleExtractor {
  private dataStream: Buffer | null = null;

  override async extractWordDocument(document: unknown, buffer: Buffer) {
    this.dataStream = await this.readDataStream(document);
    return super.extractWordDocument(document, buffer);
  }

  private async readDataStream(document: unknown): Promise<Buffer | null> {
    // The Data stream is optional; only ask for it when the directory lists it.
    const streams = (document as { _rootStorage?: { _dirEntry?: { streams?: Record<string, unknown> } } })._rootStorage?._dirEntry?.streams;
    if (!streams?.Data) return null;
    try {
      return await this.streamBuffer(await this.documentStream(document, 'Data'));
    } catch {
      return null;
    }
  }

  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    const pieces = this._pieces;
    const fcPlcfbtePapx = buffer.readUInt32LE(0x0102);
    const lcbPlcfbtePapx = buffer.readUInt32LE(0x0106);
    if (lcbPlcfbtePapx < 12) return;
    const count = (lcbPlcfbtePapx - 4) / 8;
    const plc = tableBuffer.subarray(fcPlcfbtePapx, fcPlcfbtePapx + lcbPlcfbtePapx);
    const dataOffset = (count + 1) * 4;

    for (let i = 0; i < count; i++) {
      if (dataOffset + i * 4 + 4 > plc.length) break;
      const page = plc.readUInt32LE(dataOffset + i * 4);
      const fkp = buffer.subarray(page * 512, page * 512 + 512);
      if (fkp.length < 512) continue;
      const runs = fkp[511]!;
      for (let j = 0; j < runs; j++) {
        const fcStart = fkp.readUInt32LE(j * 4);
        const fcEnd = fkp.readUInt32LE((j + 1) * 4);
        const bxAt = (runs + 1) * 4 + j * 13;
        if (bxAt >= 511) break;
        const papxAt = fkp[bxAt]! * 2;
        if (papxAt === 0) continue;
        let grpprl: Buffer;
        const cb = fkp[papxAt]!;
        if (cb !== 0) grpprl = fkp.subarray(papxAt + 1, papxAt + 1 + 2 * cb - 1);
        else grpprl = fkp.subarray(papxAt + 2, papxAt + 2 + 2 * (fkp[papxAt + 1] ?? 0));

        const flags: ParagraphFlags = { inTable: false, rowEnd: false, hugeOffset: null };
        readFlags(grpprl, 2, flags); // the first two bytes are the style index
        if (flags.hugeOffset !== null && this.dataStream && flags.hugeOffset + 2 <= this.dataStream.length) {
          const size = this.dataStream.readUInt16LE(flags.hugeOffset);
          readFlags(this.dataStream.subarray(flags.hugeOffset + 2, flags.hugeOffset + 2 + size), 0, flags);
        }

        // The paragraph's last character is its mark: \x07 for a cell or row end, \r otherwise.
        const markPos = fcEnd - (findPiece(pieces, fcEnd - 1)?.bpc ?? 1);
        if (flags.rowEnd) {
          markCharAt(pieces, markPos, ROW_END);
        } else if (flags.inTable && fcEnd > fcStart) {
          markCharAt(pieces, markPos, CELL_PARAGRAPH, (ch) => ch === '\r' || ch === '\n' || ch === '\x0b');
        }
      }
    }
  }
}

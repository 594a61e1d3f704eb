import iconv from 'iconv-lite';

/**
 * A rough RTF reader for the RTF files sites serve as .doc: it keeps paragraph breaks and
 * table rows (\cell → tab, \row → line break), decodes \'hh bytes with the document's code page
 * (GBK for Chinese Word files) and \uN characters, and skips everything that is not body text.
 */

const SKIP_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'fldinst',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'pgdsctbl',
  'bkmkstart',
  'bkmkend',
  'shpinst',
  'nonshppict',
  'filetbl',
  'revtbl',
  'pntext',
  'pntxta',
  'pntxtb',
  'author',
  'operator',
  'title',
  'subject',
  'keywords',
  'comment',
  'doccomm',
  'company',
  'falt',
  'panose',
  'template',
  'userprops',
  'wgrffmtfilter',
  'mmathPr',
  'xmlopen',
]);

const SYMBOLS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  tab: '\t',
  cell: '\t',
  nestcell: '\t',
  emdash: '\u2014',
  endash: '\u2013',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

function codePageOf(rtf: string): string {
  const cpg = /\\ansicpg(\d+)/.exec(rtf);
  const page = cpg ? Number(cpg[1]) : 1252;
  if (page === 936 || page === 54936) return 'gb18030';
  if (page === 950) return 'big5';
  if (page === 1252 && /\\fcharset134/.test(rtf.slice(0, 20000))) return 'gb18030';
  const name = `cp${page}`;
  return iconv.encodingExists(name) ? name : 'cp1252';
}

/** The text of an RTF file: body text only, with paragraph breaks and table rows kept. */
export function rtfToText(buf: Uint8Array): string {
  let rtf = '';
  for (let i = 0; i < buf.length; i++) rtf += String.fromCharCode(buf[i]!);
  return new RtfReader(rtf).read();
}

/** What each group sets: whether its text is skipped, and \ucN, the fallback characters after a \uN. */
interface GroupState {
  skip: boolean;
  uc: number;
}

/**
 * The text as it comes out. \'hh bytes are kept until something else is written and decoded as
 * one run: a GBK character is two \'hh in a row.
 */
class TextOut {
  private text = '';
  private bytes: number[] = [];

  constructor(private readonly codePage: string) {}

  byte(b: number): void {
    this.bytes.push(b);
  }

  write(s: string): void {
    this.flushBytes();
    this.text += s;
  }

  /** \row: the row's last \cell left a tab; the line break ends the row instead. */
  endRow(): void {
    this.flushBytes();
    this.text = `${this.text.replace(/\t$/, '')}\n`;
  }

  finish(): string {
    this.flushBytes();
    return this.text;
  }

  private flushBytes(): void {
    if (this.bytes.length) {
      this.text += iconv.decode(Buffer.from(this.bytes), this.codePage);
      this.bytes = [];
    }
  }
}

/** One pass over the RTF source, character by character: groups, control words and symbols, text. */
class RtfReader {
  private i = 0;
  private readonly stack: GroupState[] = [];
  private state: GroupState = { skip: false, uc: 1 };
  /** Fallback characters still to drop after a \uN. */
  private pendingSkip = 0;
  /** Right after '{', where a destination (\fonttbl, \*\…) says what the whole group holds. */
  private groupStart = false;
  private readonly out: TextOut;

  constructor(private readonly rtf: string) {
    this.out = new TextOut(codePageOf(rtf));
  }

  read(): string {
    while (this.i < this.rtf.length) {
      const ch = this.rtf[this.i]!;
      if (ch === '{') this.openGroup();
      else if (ch === '}') this.closeGroup();
      else if (ch !== '\\') this.character(ch);
      else {
        const next = this.rtf[this.i + 1] ?? '';
        if (next === "'") this.hexByte();
        else if (next === '*') this.ignorableDestination();
        else if (/[a-zA-Z]/.test(next)) this.controlWord();
        else this.controlSymbol(next);
      }
    }
    return this.out.finish();
  }

  private openGroup(): void {
    this.stack.push(this.state);
    this.state = { ...this.state };
    this.groupStart = true;
    this.pendingSkip = 0;
    this.i++;
  }

  private closeGroup(): void {
    this.state = this.stack.pop() ?? { skip: false, uc: 1 };
    this.groupStart = false;
    this.pendingSkip = 0;
    this.i++;
  }

  /** A fallback character of a \uN is dropped instead of written; true when this one was. */
  private dropFallback(): boolean {
    if (this.pendingSkip <= 0) return false;
    this.pendingSkip--;
    return true;
  }

  /** \'hh: one byte in the document's code page. */
  private hexByte(): void {
    const byte = Number.parseInt(this.rtf.slice(this.i + 2, this.i + 4), 16);
    this.i += 4;
    this.groupStart = false;
    if (this.dropFallback()) return;
    if (!this.state.skip && !Number.isNaN(byte)) this.out.byte(byte);
  }

  /** \*: marks a destination that readers who do not know it skip; this reader skips every one (at the start of a group). */
  private ignorableDestination(): void {
    if (this.groupStart) this.state.skip = true;
    this.i += 2;
  }

  private controlWord(): void {
    const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(this.rtf.slice(this.i, this.i + 48))!;
    const word = m[1]!;
    const param = m[2] === undefined ? null : Number(m[2]);
    this.i += m[0].length;
    const atGroupStart = this.groupStart;
    this.groupStart = false;
    if (word === 'bin' && param !== null) {
      this.i += Math.max(0, param); // binary data, not text
      return;
    }
    if (atGroupStart && SKIP_DESTINATIONS.has(word)) {
      this.state.skip = true;
      return;
    }
    if (word === 'uc' && param !== null) {
      this.state.uc = param;
      return;
    }
    if (this.state.skip) return;
    if (word === 'u' && param !== null) {
      this.out.write(String.fromCharCode(param < 0 ? param + 65536 : param));
      this.pendingSkip = this.state.uc;
      return;
    }
    if (word === 'row' || word === 'nestrow') {
      this.out.endRow();
      return;
    }
    const symbol = SYMBOLS[word];
    if (symbol !== undefined) this.out.write(symbol);
  }

  /** \{ \} \\ \~ \- \_ and others. */
  private controlSymbol(next: string): void {
    this.i += 2;
    this.groupStart = false;
    if (this.state.skip || this.dropFallback()) return;
    if (next === '{' || next === '}' || next === '\\') this.out.write(next);
    else if (next === '~') this.out.write('\u00a0');
    else if (next === '_') this.out.write('-');
    else if (next === '\n' || next === '\r') this.out.write('\n');
  }

  /** Plain text: ASCII as is, other bytes through the code page. Line breaks in the source are not text. */
  private character(ch: string): void {
    this.i++;
    if (ch === '\r' || ch === '\n') return;
    this.groupStart = false;
    if (this.state.skip || this.dropFallback()) return;
    const code = ch.charCodeAt(0);
    if (code >= 0x80) this.out.byte(code);
    else this.out.write(ch);
  }
}

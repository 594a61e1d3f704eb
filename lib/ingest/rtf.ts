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

export function rtfToText(buf: Uint8Array): string {
  let rtf = '';
  for (let i = 0; i < buf.length; i++) rtf += String.fromCharCode(buf[i]!);
  const codePage = codePageOf(rtf);

  let out = '';
  let bytes: number[] = [];
  const flushBytes = () => {
    if (bytes.length) {
      out += iconv.decode(Buffer.from(bytes), codePage);
      bytes = [];
    }
  };
  const emit = (s: string) => {
    flushBytes();
    out += s;
  };

  interface State {
    skip: boolean;
    uc: number;
  }
  const stack: State[] = [];
  let state: State = { skip: false, uc: 1 };
  let pendingSkip = 0; // fallback characters to drop after a \uN
  let groupStart = false;

  let i = 0;
  while (i < rtf.length) {
    const ch = rtf[i]!;
    if (ch === '{') {
      stack.push(state);
      state = { ...state };
      groupStart = true;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (ch === '}') {
      state = stack.pop() ?? { skip: false, uc: 1 };
      groupStart = false;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = rtf[i + 1] ?? '';
      if (next === "'") {
        const byte = Number.parseInt(rtf.slice(i + 2, i + 4), 16);
        i += 4;
        groupStart = false;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (!state.skip && !Number.isNaN(byte)) bytes.push(byte);
        continue;
      }
      if (next === '*') {
        if (groupStart) state.skip = true;
        i += 2;
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(i, i + 48))!;
        const word = m[1]!;
        const param = m[2] === undefined ? null : Number(m[2]);
        i += m[0].length;
        const atGroupStart = groupStart;
        groupStart = false;
        if (word === 'bin' && param !== null) {
          i += Math.max(0, param);
          continue;
        }
        if (atGroupStart && SKIP_DESTINATIONS.has(word)) {
          state.skip = true;
          continue;
        }
        if (word === 'uc' && param !== null) {
          state.uc = param;
          continue;
        }
        if (state.skip) continue;
        if (word === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          pendingSkip = state.uc;
          continue;
        }
        if (word === 'row' || word === 'nestrow') {
          flushBytes();
          out = `${out.replace(/\t$/, '')}\n`;
          continue;
        }
        const symbol = SYMBOLS[word];
        if (symbol !== undefined) emit(symbol);
        continue;
      }
      // control symbols: \{ \} \\ \~ \- \_ and others
      i += 2;
      groupStart = false;
      if (state.skip) continue;
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      if (next === '{' || next === '}' || next === '\\') emit(next);
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    i++;
    if (ch === '\r' || ch === '\n') continue;
    groupStart = false;
    if (state.skip) continue;
    if (pendingSkip > 0) {
      pendingSkip--;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0x80) bytes.push(code);
    else emit(ch);
  }
  flushBytes();
  return out;
}

// word-extractor ships no types. Only what lib/ingest uses is declared.
declare module 'word-extractor' {
  export interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(options?: { filterUnicode?: boolean }): string;
    getEndnotes(options?: { filterUnicode?: boolean }): string;
    getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { WordDocument } from 'word-extractor';
  export interface WordPiece {
    text: string;
    startFilePos: number;
    size: number;
    bpc: number;
  }
  export default class WordOleExtractor {
    _pieces: WordPiece[];
    extract(reader: unknown): Promise<WordDocument>;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocument>;
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
    documentStream(document: unknown, streamName: string): Promise<unknown>;
    streamBuffer(stream: unknown): Promise<Buffer>;
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}

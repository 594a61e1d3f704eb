import { readFileSync } from 'node:fs';
import { guessUtf16WithoutBom, badCharRatio } from './encoding';
const t = readFileSync('/work/shared/corpus/seeds/003_3fbe00e9627bb4eb.txt', 'utf8');
const b = Buffer.from(t, 'utf16le');
let ne = 0, no = 0; for (let i = 0; i < b.length; i += 2) { if (b[i] === 0) ne++; if (b[i + 1] === 0) no++; }
console.log(b.length / 2, ne, no, guessUtf16WithoutBom(b), badCharRatio(new TextDecoder('utf-16le').decode(b)));

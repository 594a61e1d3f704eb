/**
 * A trie over the division-name keys (full names, short forms, former names, stems), in typed
 * arrays, for the scanner: from a position in the text it walks one code unit at a time and
 * meets every key that starts there, shortest first, without slicing or hashing strings.
 *
 * Keys start with two Han characters (U+3400..U+9FFF), and the first two are looked up together:
 * a 32 KB bit filter over the ~24k pairs that start a key turns most positions of a text away
 * with one bit test; the pairs that pass are probed in the pair table. The characters after the
 * pair go through one open-addressing table of edges (parent node, code unit) → child node, each
 * slot's three numbers side by side. ~40k keys make ~91k nodes (24k pairs, 67k edges below
 * them); the tables take 2.1 MB.
 *
 * Within a whole parse the tables are mostly out of cache, so what counts is how many cache lines
 * a position touches: the filter (small enough to stay cached) and the side-by-side slots are
 * what make the scan fast there, although a benchmark of the scan alone, with everything cached,
 * runs as fast without the filter.
 */

const HAN_FIRST = 0x3400;
const HAN_SPAN = 0x6c00; // U+3400..U+9FFF (Extension A: 塘㙍镇, 桴㯊镇)
const FILTER_BITS_LOG2 = 18;

export interface KeyTrie {
  /** one bit per hash of a pair that starts a key (a Bloom filter with one hash: ~10% false positives) */
  pairFilter: Int32Array;
  /** first two characters (a·0x6C00 + b, offsets from U+3400) → node: slots of [pair, node], pair −1 = empty */
  pairs: Int32Array;
  pairMask: number;
  /** edges below the pairs: slot s is [3s] parent node, [3s+1] code unit, [3s+2] child node (0 = empty slot) */
  edges: Int32Array;
  edgeMask: number;
  /** node → 1 when a key ends there */
  terminal: Uint8Array;
  /** number of nodes (ids 1..nodes) */
  nodes: number;
}

/** a·0x6C00 + b for two Han characters, else −1 */
function pairOf(c0: number, c1: number): number {
  const a = c0 - HAN_FIRST;
  const b = c1 - HAN_FIRST;
  // written so that NaN (a position past the end) fails too
  if (!(a >= 0 && a < HAN_SPAN && b >= 0 && b < HAN_SPAN)) return -1;
  return a * HAN_SPAN + b;
}

/** the pair's bit in the filter: the top bits of its hash (the table slot takes the low ones) */
function pairBit(pair: number): number {
  return Math.imul(pair, 0x9e3779b1) >>> (32 - FILTER_BITS_LOG2);
}

function pairSlot(pair: number, mask: number): number {
  const h = Math.imul(pair, 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

function edgeSlot(node: number, unit: number, mask: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** a power of two at least 1.25 × n: an open-addressing table of n entries stays under 80% full */
function tableSize(n: number): number {
  let size = 1024;
  while (size < n * 1.25) size *= 2;
  return size;
}

/**
 * Builds the trie of the given keys. Keys that do not start with two Han characters are left out
 * (the scanner never looks for them); duplicates are fine.
 */
export function buildKeyTrie(keys: readonly string[]): KeyTrie {
  // upper bounds: one pair per key, one edge per code unit after the pair
  let pairBound = 0;
  let edgeBound = 0;
  for (const k of keys) {
    if (pairOf(k.charCodeAt(0), k.charCodeAt(1)) < 0) continue;
    pairBound++;
    edgeBound += k.length - 2;
  }
  const pairMask = tableSize(pairBound) - 1;
  const pairs = new Int32Array((pairMask + 1) * 2).fill(-1);
  const pairFilter = new Int32Array(1 << (FILTER_BITS_LOG2 - 5));
  const edgeMask = tableSize(edgeBound) - 1;
  const edges = new Int32Array((edgeMask + 1) * 3);
  const terminal = new Uint8Array(pairBound + edgeBound + 1);
  let nodes = 0;
  for (const key of keys) {
    const pair = pairOf(key.charCodeAt(0), key.charCodeAt(1));
    if (pair < 0) continue;
    let p = pairSlot(pair, pairMask);
    while (pairs[2 * p] !== -1 && pairs[2 * p] !== pair) p = (p + 1) & pairMask;
    if (pairs[2 * p] === -1) {
      pairs[2 * p] = pair;
      pairs[2 * p + 1] = ++nodes;
      const bit = pairBit(pair);
      pairFilter[bit >>> 5] |= 1 << (bit & 31);
    }
    let node = pairs[2 * p + 1];
    for (let j = 2; j < key.length; j++) {
      const unit = key.charCodeAt(j);
      let s = edgeSlot(node, unit, edgeMask);
      for (;;) {
        const child = edges[3 * s + 2];
        if (child === 0) {
          edges[3 * s] = node;
          edges[3 * s + 1] = unit;
          edges[3 * s + 2] = ++nodes;
          node = nodes;
          break;
        }
        if (edges[3 * s] === node && edges[3 * s + 1] === unit) {
          node = child;
          break;
        }
        s = (s + 1) & edgeMask;
      }
    }
    terminal[node] = 1;
  }
  return { pairFilter, pairs, pairMask, edges, edgeMask, terminal: terminal.slice(0, nodes + 1), nodes };
}

/** The node of the two-character prefix c0 c1 (code units), or 0 when no key starts with it. */
export function pairNode(t: KeyTrie, c0: number, c1: number): number {
  const pair = pairOf(c0, c1);
  if (pair < 0) return 0;
  const bit = pairBit(pair);
  if ((t.pairFilter[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
  const { pairs, pairMask } = t;
  let p = pairSlot(pair, pairMask);
  for (;;) {
    const k = pairs[2 * p];
    if (k === pair) return pairs[2 * p + 1];
    if (k === -1) return 0;
    p = (p + 1) & pairMask;
  }
}

/** The child of `node` (a pair's node or deeper) by the code unit `unit`, or 0. */
export function childOf(t: KeyTrie, node: number, unit: number): number {
  const { edges, edgeMask } = t;
  let s = edgeSlot(node, unit, edgeMask);
  for (;;) {
    const child = edges[3 * s + 2];
    if (child === 0) return 0;
    if (edges[3 * s] === node && edges[3 * s + 1] === unit) return child;
    s = (s + 1) & edgeMask;
  }
}

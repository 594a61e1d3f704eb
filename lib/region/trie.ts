/**
 * A trie over the division-name keys (full names, short forms, former names, stems), in typed
 * arrays, for the scanner: from a position in the text it walks one code unit at a time and
 * meets every key that starts there, shortest first, without slicing or hashing strings.
 *
 * Keys start with two Han characters (U+3400..U+9FFF). The first two characters are looked up
 * together: a 32 KB bit filter over the ~24k pairs that start a key turns most positions of a
 * text away in one cache-friendly load (the pair table itself is too big to stay in cache, and
 * probing it at every position doubled the walk); the pairs that pass are probed in the pair
 * table; the following characters go through one open-addressing table of edges (parent node,
 * code unit) → child node. ~40k keys make ~93k nodes; the tables take about 3.5 MB.
 */

const HAN_FIRST = 0x3400;
const HAN_SPAN = 0x6c00; // U+3400..U+9FFF (Extension A: 塘㙍镇, 桴㯊镇)

export interface KeyTrie {
  /** Han character (code − U+3400) → the node of that one-character prefix; 0 when no key starts with it */
  first: Int32Array;
  /** one bit per hash of a pair that starts a key (a Bloom filter with one hash: ~10% false positives) */
  pairFilter: Int32Array;
  /** first two characters (a·U+6C00 + b, offsets from U+3400) → node: slots of [pair, node], pair −1 = empty */
  pairs: Int32Array;
  pairMask: number;
  /** edges: slot → parent node, code unit, child node (child 0 = empty slot) */
  edgeParent: Int32Array;
  edgeUnit: Uint16Array;
  edgeChild: Int32Array;
  mask: number;
  /** node → 1 when a key ends there */
  terminal: Uint8Array;
  /** number of nodes (ids 1..nodes; 0 is the root) */
  nodes: number;
}

/** True when the key starts with two Han characters (the only keys the scanner looks for). */
function isScannableKey(key: string): boolean {
  if (key.length < 2) return false;
  const a = key.charCodeAt(0) - HAN_FIRST;
  const b = key.charCodeAt(1) - HAN_FIRST;
  return a >= 0 && a < HAN_SPAN && b >= 0 && b < HAN_SPAN;
}

const FILTER_BITS_LOG2 = 18;

/** the pair's bit in the filter: the top bits of its hash (the table slot takes the low ones) */
function pairBit(pair: number): number {
  return Math.imul(pair, 0x9e3779b1) >>> (32 - FILTER_BITS_LOG2);
}

function pairSlot(pair: number, mask: number): number {
  const h = Math.imul(pair, 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

function slotOf(node: number, unit: number, mask: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** Builds the trie of the given keys (keys that are not scannable are skipped; duplicates are fine). */
export function buildKeyTrie(keys: Iterable<string>): KeyTrie {
  const list: string[] = [];
  let units = 0;
  for (const k of keys) {
    if (!isScannableKey(k)) continue;
    list.push(k);
    units += k.length;
  }
  // at most one edge per code unit, in practice ~0.6: the table stays under 80% full, usually under 40%
  let size = 1024;
  while (size < units * 1.25) size *= 2;
  const mask = size - 1;
  const first = new Int32Array(HAN_SPAN);
  const edgeParent = new Int32Array(size);
  const edgeUnit = new Uint16Array(size);
  const edgeChild = new Int32Array(size);
  const terminal = new Uint8Array(units + 1);
  let nodes = 0;
  for (const key of list) {
    const c0 = key.charCodeAt(0) - HAN_FIRST;
    let node = first[c0];
    if (node === 0) {
      node = ++nodes;
      first[c0] = node;
    }
    for (let j = 1; j < key.length; j++) {
      const unit = key.charCodeAt(j);
      let s = slotOf(node, unit, mask);
      for (;;) {
        const child = edgeChild[s];
        if (child === 0) {
          edgeParent[s] = node;
          edgeUnit[s] = unit;
          edgeChild[s] = ++nodes;
          node = nodes;
          break;
        }
        if (edgeParent[s] === node && edgeUnit[s] === unit) {
          node = child;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    terminal[node] = 1;
  }
  // the pairs: every edge out of a first-character node
  const firstOf = new Int32Array(nodes + 1).fill(-1);
  let pairCount = 0;
  for (let c = 0; c < HAN_SPAN; c++) if (first[c] !== 0) firstOf[first[c]] = c;
  for (let s = 0; s < size; s++) if (edgeChild[s] !== 0 && firstOf[edgeParent[s]] >= 0) pairCount++;
  let pairSize = 1024;
  while (pairSize < pairCount * 2.5) pairSize *= 2;
  const pairMask = pairSize - 1;
  const pairs = new Int32Array(pairSize * 2).fill(-1);
  const pairFilter = new Int32Array(1 << (FILTER_BITS_LOG2 - 5));
  for (let s = 0; s < size; s++) {
    if (edgeChild[s] === 0) continue;
    const a = firstOf[edgeParent[s]];
    const b = edgeUnit[s] - HAN_FIRST;
    if (a < 0 || b < 0 || b >= HAN_SPAN) continue; // keys with a non-Han second character are not scanned
    const pair = a * HAN_SPAN + b;
    const bit = pairBit(pair);
    pairFilter[bit >>> 5] |= 1 << (bit & 31);
    let p = pairSlot(pair, pairMask);
    while (pairs[2 * p] !== -1) p = (p + 1) & pairMask;
    pairs[2 * p] = pair;
    pairs[2 * p + 1] = edgeChild[s];
  }
  return { first, pairFilter, pairs, pairMask, edgeParent, edgeUnit, edgeChild, mask, terminal: terminal.slice(0, nodes + 1), nodes };
}

/** The node of the two-character prefix c0 c1, or 0 when no key starts with it. */
export function pairNode(t: KeyTrie, c0: number, c1: number): number {
  const a = c0 - HAN_FIRST;
  const b = c1 - HAN_FIRST;
  if (a < 0 || a >= HAN_SPAN || b < 0 || b >= HAN_SPAN) return 0;
  const pair = a * HAN_SPAN + b;
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

/** The node of a one-character prefix (0: no key starts with this code unit). */
export function rootChild(t: KeyTrie, unit: number): number {
  const c = unit - HAN_FIRST;
  return c >= 0 && c < HAN_SPAN ? t.first[c] : 0;
}

/** The child of `node` by `unit`, or 0. */
export function childOf(t: KeyTrie, node: number, unit: number): number {
  const { edgeParent, edgeUnit, edgeChild, mask } = t;
  let s = slotOf(node, unit, mask);
  for (;;) {
    const child = edgeChild[s];
    if (child === 0) return 0;
    if (edgeParent[s] === node && edgeUnit[s] === unit) return child;
    s = (s + 1) & mask;
  }
}

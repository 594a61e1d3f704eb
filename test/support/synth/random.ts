/**
 * A small seeded PRNG (sfc32) so a corpus is the same for the same seed on every machine and
 * Node version (Math.random cannot be seeded).
 */

/** A 32-bit hash of strings and numbers (cyrb53, folded), used to derive independent seeds. */
export function hashSeed(...parts: Array<string | number>): number {
  const text = parts.join('\u0001');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const s = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = s;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[['a', 3], ['b', 1]]` gives 'a' three times as often as 'b'. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A log-uniform integer in [min, max]: small values as likely per decade as large ones. */
  logInt(min: number, max: number): number {
    const lo = Math.log(min + 1);
    const hi = Math.log(max + 1);
    return Math.min(max, Math.max(min, Math.round(Math.exp(lo + this.next() * (hi - lo)) - 1)));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** An independent stream for a sub-task, so adding draws in one place does not shift another. */
  fork(label: string | number): Rng {
    return new Rng(hashSeed(this.nextUint32(), label));
  }
}

/** Splits `total` into parts drawn by weight: unit by unit for small totals, by share for large ones. */
export function splitByWeight(rng: Rng, total: number, weights: number[]): number[] {
  const parts = new Array<number>(weights.length).fill(0);
  if (total <= 0) return parts;
  const entries = weights.map((w, i) => [i, w] as const);
  if (total <= 300) {
    for (let n = 0; n < total; n++) parts[rng.weighted(entries)]++;
    return parts;
  }
  const jittered = weights.map((w) => w * (0.6 + 0.8 * rng.next()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  let assigned = 0;
  jittered.forEach((w, i) => {
    parts[i] = Math.floor((total * w) / sum);
    assigned += parts[i];
  });
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest] += total - assigned;
  return parts;
}

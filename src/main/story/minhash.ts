/**
 * MinHash signatures over word shingles, for finding near-duplicate sentences
 * (wire copy re-used with small edits) without comparing every pair: a
 * signature estimates Jaccard similarity, and LSH bands pick the candidate
 * pairs worth checking. Small enough to own (the npm `minhash` package is
 * unmaintained since 2017).
 */

const hashCount = 64;
export const bandSize = 4;

/** Fixed seeds, so signatures are comparable across runs and articles. */
const seeds: [number, number][] = Array.from({ length: hashCount }, (_, index) => [
  ((index + 1) * 2654435761) % 4294967291 || 1,
  ((index + 7) * 40503) % 4294967291,
]);

/** FNV-1a, 32 bit. */
export function hashString(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** Lower-cased word tokens, punctuation and quote marks dropped. */
export const tokensOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Hashes of the 3-word shingles (the whole sentence when shorter), mixed from the words' hashes. */
export function shingles(tokens: string[], size = 3): Set<number> {
  const set = new Set<number>();
  const hashes = tokens.map(hashString);
  const count = Math.max(1, tokens.length - size + 1);
  for (let index = 0; index < count && index < tokens.length; index += 1) {
    let hash = 0x9747b28c;
    for (let offset = index; offset < Math.min(tokens.length, index + size); offset += 1) {
      hash = Math.imul(hash ^ hashes[offset]!, 0x5bd1e995) >>> 0;
      hash ^= hash >>> 15;
    }
    set.add(hash >>> 0);
  }
  return set;
}

export function signature(set: Set<number>): Uint32Array {
  const values = new Uint32Array(hashCount).fill(0xffffffff);
  for (const item of set) {
    for (let index = 0; index < hashCount; index += 1) {
      const [a, b] = seeds[index]!;
      // Multiply-add hashing on 32 bits: a fresh permutation-like hash per seed, in integer arithmetic.
      const value = (Math.imul(item ^ b, a | 1) + b) >>> 0;
      if (value < values[index]!) values[index] = value;
    }
  }
  return values;
}

/** The LSH band keys of a signature. */
export function bandKeys(values: Uint32Array): string[] {
  const keys: string[] = [];
  for (let start = 0; start < values.length; start += bandSize) {
    keys.push(`${start}:${Array.from(values.subarray(start, start + bandSize)).join(',')}`);
  }
  return keys;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

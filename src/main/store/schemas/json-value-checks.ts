/**
 * The building blocks of the store's hand-written checks (annotation-shard-check.ts,
 * library-index-check.ts): each says yes only to a JSON value that the matching zod
 * type would accept and return unchanged, and builds nothing.
 */

type Fields = Record<string, unknown>;

/** A plain object (as JSON.parse makes) with exactly `count` own enumerable keys. */
export function isObjectWithKeys(value: unknown, count: number): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let keys = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    keys += 1;
  }
  return keys === count;
}

export const isText = (value: unknown): value is string => typeof value === 'string';
export const isFilledText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;
/** zod 4's `.int()` is a safe integer; `.nonnegative()` is `>= 0`. */
export const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

export function isTextList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let at = 0; at < value.length; at += 1) if (typeof value[at] !== 'string') return false;
  return true;
}

/**
 * A hand-written check of one article record of `library.json`, for opening
 * the store: zod's parse of 10,000 records copies each one. It says yes only
 * to a record that `articleRecordSchema` would accept and return unchanged (see
 * annotation-shard-check.ts for the rule); anything else goes through zod.
 * Held to the schema by the property tests in `fast-schema-checks.test.ts`.
 */
import { isCount, isFilledText, isObjectWithKeys, isText, isTextList } from './json-value-checks';
import type { ArticleRecord } from './library-index';

const isTextOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

function isSource(value: unknown): boolean {
  return (
    isObjectWithKeys(value, 4) &&
    isTextOrNull(value.outlet) &&
    isTextOrNull(value.author) &&
    isTextOrNull(value.publishedAt) &&
    isTextOrNull(value.url)
  );
}

/** True only when `articleRecordSchema.parse(value)` would succeed and give back an equal value. */
export function isCanonicalRecord(value: unknown): value is ArticleRecord {
  if (typeof value !== 'object' || value === null) return false;
  const hasTags = Object.hasOwn(value, 'tags');
  return (
    isObjectWithKeys(value, hasTags ? 12 : 11) &&
    isFilledText(value.id) &&
    isText(value.title) &&
    typeof value.titleDerived === 'boolean' &&
    typeof value.titleEdited === 'boolean' &&
    isCount(value.wordCount) &&
    isCount(value.readingMinutes) &&
    isTextOrNull(value.sourceFile) &&
    isText(value.addedAt) &&
    isSource(value.source) &&
    isCount(value.flagCount) &&
    isFilledText(value.contentKey) &&
    (!hasTags || isTextList(value.tags))
  );
}

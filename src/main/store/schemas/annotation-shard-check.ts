/**
 * A hand-written check of an annotation shard, for opening the store: zod's
 * parse of 10,000 shards (50,000 highlights) builds a copy of every object;
 * with library.json's records it was a third of the open's CPU profile. This
 * check builds nothing and says yes only to a value that `annotationShardSchema`
 * would accept and return unchanged:
 * every field present with its type, nothing extra, no default left to fill in.
 * Anything else (damage, an extra field to strip, an `orphaned` to default)
 * goes through zod as before, which gives the message or the cleaned copy; so
 * the store trusts nothing this check has not proved. The property tests in
 * `fast-schema-checks.test.ts` hold it to the schema.
 */
import { annotationShardVersion, type AnnotationShard } from './annotation-shard';
import { isCount, isFilledText, isObjectWithKeys, isText, isTextList } from './json-value-checks';

function isHighlight(value: unknown): boolean {
  if (!isObjectWithKeys(value, 10)) return false;
  const quote = value.quote;
  const position = value.position;
  return (
    isFilledText(value.id) &&
    isFilledText(value.categoryId) &&
    isObjectWithKeys(quote, 4) &&
    quote.type === 'TextQuoteSelector' &&
    isFilledText(quote.exact) &&
    isText(quote.prefix) &&
    isText(quote.suffix) &&
    isObjectWithKeys(position, 3) &&
    position.type === 'TextPositionSelector' &&
    isCount(position.start) &&
    isCount(position.end) &&
    isCount(value.rulesVersion) &&
    isText(value.note) &&
    isTextList(value.tags) &&
    isText(value.createdAt) &&
    isText(value.updatedAt) &&
    typeof value.orphaned === 'boolean'
  );
}

function isArticleNote(value: unknown): boolean {
  if (value === null) return true;
  return isObjectWithKeys(value, 2) && isText(value.text) && isText(value.updatedAt);
}

function isReadingState(value: unknown): boolean {
  if (!isObjectWithKeys(value, 4)) return false;
  const progress = value.progress;
  return (
    isCount(value.offset) &&
    typeof progress === 'number' &&
    progress >= 0 &&
    progress <= 1 &&
    typeof value.read === 'boolean' &&
    isText(value.updatedAt)
  );
}

/** True only when `annotationShardSchema.parse(value)` would succeed and give back an equal value. */
export function isCanonicalShard(value: unknown): value is AnnotationShard {
  if (typeof value !== 'object' || value === null) return false;
  const hasReading = Object.hasOwn(value, 'reading');
  if (!isObjectWithKeys(value, hasReading ? 5 : 4)) return false;
  if (value.schemaVersion !== annotationShardVersion || !isFilledText(value.articleId)) return false;
  if (!isArticleNote(value.articleNote)) return false;
  if (hasReading && !isReadingState(value.reading)) return false;
  const highlights = value.highlights;
  if (!Array.isArray(highlights)) return false;
  for (let at = 0; at < highlights.length; at += 1) if (!isHighlight(highlights[at])) return false;
  return true;
}

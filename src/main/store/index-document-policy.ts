/**
 * How the library index is changed and written without costing the size of the
 * library: a draft copies the small parts (settings, seeding record) and only
 * the list of article records; each record is validated once, when it first
 * appears, and frozen (see frozen-items.ts). Writing joins each record's JSON
 * bytes, made once per record object and cached (cached-list-json.ts), so a settings or title edit
 * at 10,000 articles serialises one record, not 3.6 MB of objects.
 */
import { z } from 'zod';
import { serializeWithCachedLists } from './cached-list-json';
import { checkNewItems } from './frozen-items';
import type { DraftPolicy } from './json-document';
import { articleRecordSchema, libraryIndexSchema, type LibraryIndex } from './schemas/library-index';

/** Everything in the index but the article records, which are validated as they are added. */
export const indexShellSchema = libraryIndexSchema.extend({
  articles: z.array(z.unknown()),
}) as unknown as z.ZodType<LibraryIndex>;

export const indexPolicy: DraftPolicy<LibraryIndex> = {
  draft: (index) => ({ ...structuredClone({ ...index, articles: [] }), articles: [...index.articles] }),
  check: (draft, previous) => ({
    ...indexShellSchema.parse({ ...draft, articles: [] }),
    articles: checkNewItems(draft.articles, previous.articles, articleRecordSchema),
  }),
};

/**
 * The same bytes as `JSON.stringify(index)` in UTF-8, made from cached bytes per (frozen, so
 * unchanging) record and per run of records: a write at 10,000 articles copies about 3.6 MB of
 * bytes instead of serialising and encoding 10,000 objects.
 */
export function serializeIndex(index: LibraryIndex): Buffer {
  return serializeWithCachedLists(index, ['articles']);
}

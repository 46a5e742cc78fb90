/**
 * How the library index is changed and written without costing the size of the
 * library: a draft copies the small parts (settings, seeding record) and only
 * the list of article records; each record is validated once, when it first
 * appears, and frozen (see frozen-items.ts). Writing joins each record's JSON,
 * made once per record object and cached, so a settings or title edit at
 * 10,000 articles serialises one record, not 3.6 MB of objects.
 */
import { z } from 'zod';
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

const recordJson = new WeakMap<object, string>();

/** The same text as `JSON.stringify(index)`, with each (frozen, so unchanging) record's JSON made once. */
export function serializeIndex(index: LibraryIndex): string {
  const records = index.articles.map((record) => {
    let json = recordJson.get(record);
    if (json === undefined) {
      json = JSON.stringify(record);
      if (Object.isFrozen(record)) recordJson.set(record, json);
    }
    return json;
  });
  // Inside a JSON string every quote is escaped, so this text occurs only as the key itself.
  return JSON.stringify({ ...index, articles: [] }).replace(
    '"articles":[]',
    () => `"articles":[${records.join(',')}]`,
  );
}

/**
 * The foundation release's single-file library (schema version 1): every
 * article's full text inside `library.json`. Kept only to read and migrate it.
 */
import { z } from 'zod';
import { seedingRecordV1Schema, storedSettingsV1Schema } from './library-parts-v1';
import { articleRecordV2Schema } from './library-v2';

export const libraryV1Schema = z.object({
  schemaVersion: z.literal(1),
  articles: z.array(articleRecordV2Schema.extend({ rawText: z.string(), paragraphs: z.array(z.string()) })),
  seeding: seedingRecordV1Schema.nullable(),
  settings: storedSettingsV1Schema,
});
export type LibraryV1 = z.infer<typeof libraryV1Schema>;

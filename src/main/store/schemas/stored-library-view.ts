/**
 * The library's remembered sort, filters and open story as `library.json`
 * stores them (index version 4). The stored shape, kept apart from the wire
 * contract's `libraryViewSchema` so a change to `getSettings` can never make a
 * stored library fail to open; when this shape changes, the index version goes up.
 */
import { z } from 'zod';

const showOnly = z.enum(['any', 'with', 'without']);

export const storedLibraryViewSchema = z.object({
  sort: z.enum(['added', 'published', 'title', 'outlet', 'length']),
  descending: z.boolean(),
  outlet: z.string().max(300).nullable(),
  damaged: showOnly,
  highlights: showOnly,
  notes: showOnly,
  reading: z.enum(['any', 'unread', 'read']),
  tag: z.string().max(40).nullable(),
  storyId: z.string().max(64).nullable(),
});

/**
 * A story's entity choices (merges, splits, renames on the story desk) as
 * `library.json` stores them: the stored shape, kept apart from the wire
 * contract's `entityChoicesSchema` so a change to the desk's replies can never
 * make a stored library fail to open. Optional on a story (older files have none).
 */
import { z } from 'zod';

export const storedEntityChoicesSchema = z.object({
  merges: z.array(z.array(z.string().min(1).max(200)).min(2).max(50)).max(500),
  splits: z.array(z.string().min(1).max(200)).max(500),
  renames: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(200)),
});

/**
 * The parts of `library.json` every version so far (1 to 3) has stored alike,
 * frozen: the settings (theme, the five categories, the local-address switch)
 * and the seeding record. The stored shape, not the wire contract's: a change
 * to `getSettings` or `updateSettings` can never make a stored library fail.
 * When the stored settings change, the new shape goes in a new module and the
 * library's version goes up; this one stays as it is.
 */
import { z } from 'zod';
import { defaultCategories } from '../../../shared/default-categories';

export const storedCategoryV1Schema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
});

export const storedSettingsV1Schema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  categories: z
    .array(storedCategoryV1Schema)
    .length(5)
    .default(() => structuredClone(defaultCategories)),
  allowLocalAddresses: z.boolean().optional(),
});

export const seedingRecordV1Schema = z.object({
  completedAt: z.string(),
  files: z.array(z.string()),
});

/**
 * The IPC contract: for every method, the zod schema of its request and of its reply.
 *
 * The main process validates each request against it before any handler runs,
 * and checks each reply before it leaves; the renderer's types are inferred from
 * it, so a change here is a compile error everywhere it matters.
 */
import { z } from 'zod';
import type { ApiMethod } from './channels';
import { limits } from './limits';

export const themePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreference>;

export const settingsSchema = z.object({ theme: themePreference });
export type Settings = z.infer<typeof settingsSchema>;

const articleId = z.string().min(1).max(limits.idLength);
const noArguments = z.object({}).strict();

export const recoveryEventSchema = z.object({
  file: z.string(),
  holds: z.string(),
  problem: z.string(),
  outcome: z.enum(['restored-from-backup', 'rebuilt-from-articles', 'started-empty']),
  backupTakenAt: z.string().nullable(),
  damagedCopy: z.string().nullable(),
});
export type RecoveryEventView = z.infer<typeof recoveryEventSchema>;

export const storeStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    /** The store folder. */
    storePath: z.string(),
    articleCount: z.number().int().nonnegative(),
    seededThisRun: z.boolean(),
    /** What was repaired when the store opened; shown to the user. */
    recovery: z.array(recoveryEventSchema),
  }),
  z.object({
    state: z.literal('failed'),
    storePath: z.string(),
    reason: z.string(),
  }),
]);
export type StoreStatus = z.infer<typeof storeStatusSchema>;

export const articleSummarySchema = z.object({
  id: articleId,
  title: z.string(),
  titleDerived: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  addedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleViewSchema = articleSummarySchema.extend({
  paragraphs: z.array(z.string()),
  sourceFile: z.string().nullable(),
});
export type ArticleView = z.infer<typeof articleViewSchema>;

export const contract = {
  getStatus: { request: noArguments, reply: storeStatusSchema },
  listArticles: { request: noArguments, reply: z.array(articleSummarySchema) },
  getArticle: { request: z.object({ id: articleId }).strict(), reply: articleViewSchema },
  getSettings: { request: noArguments, reply: settingsSchema },
  updateSettings: { request: settingsSchema.partial().strict(), reply: settingsSchema },
} satisfies Record<ApiMethod, { request: z.ZodType; reply: z.ZodType }>;

export type ApiRequest<M extends ApiMethod> = z.input<(typeof contract)[M]['request']>;
export type ApiReply<M extends ApiMethod> = z.output<(typeof contract)[M]['reply']>;

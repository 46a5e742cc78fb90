/**
 * The body texts of recently used articles, indexed for code-point offsets, so
 * creating a highlight does not re-read and re-parse a large article file each
 * time. Small and bounded: a reader works in a handful of articles at once.
 */
import { TextIndex } from '../anchoring/text-index';
import type { LibraryStore } from '../store/library-store';

export interface ArticleText {
  index: TextIndex;
  rulesVersion: number;
}

export function createArticleTexts(store: LibraryStore, capacity = 8) {
  const cache = new Map<string, ArticleText>();
  return {
    remember(articleId: string, text: string, rulesVersion: number): ArticleText {
      const entry = { index: new TextIndex(text), rulesVersion };
      cache.delete(articleId);
      cache.set(articleId, entry);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return entry;
    },
    async get(articleId: string): Promise<ArticleText> {
      const cached = cache.get(articleId);
      if (cached) return cached;
      const { cleaned } = await store.readArticle(articleId);
      return this.remember(articleId, cleaned.text, cleaned.rulesVersion);
    },
    forget(articleId: string): void {
      cache.delete(articleId);
    },
  };
}
export type ArticleTexts = ReturnType<typeof createArticleTexts>;

/**
 * The one change hook the search index needs: the same store, whose changing
 * methods tell a listener what they changed once they have succeeded. Every
 * service (imports, edits, deletes, undo and redo) writes through the store, so
 * wrapping it here keeps the index current without a call in each service.
 * A method this file does not know (added later) is reported as "something
 * changed", and the listener re-checks the whole library.
 *
 * Article texts written elsewhere (by the import worker, or re-cleaned after a
 * rules change, in the background pass or when an article is read) are reported
 * by id: the index reads them again from their files.
 */
import { cleaningRulesVersion } from '../cleaning/rules-version';
import type { LibraryStore } from '../store/library-store';
import type { ArticleFile } from '../store/schemas/article-file';

export type StoreChange =
  | { type: 'articles-added'; articles: ArticleFile[] }
  | { type: 'article-replaced'; article: ArticleFile }
  | { type: 'texts-written'; articleIds: string[] }
  | { type: 'record-changed'; articleId: string }
  | { type: 'article-removed'; articleId: string }
  | { type: 'article-restored'; articleId: string }
  | { type: 'annotations-changed'; articleId: string }
  | { type: 'unknown' };

/** Methods that only read, or write nothing the search index holds. */
const unchanging = new Set<string>([
  'index',
  'annotations',
  'annotationCounts',
  'annotatedArticleIds',
  'whenAnnotationsLoaded',
  'briefings',
  'updateBriefings',
  'operations',
  'updateOperations',
  'flush',
  'close',
  'repairArticleText',
  'purgeDeletedArticle',
]);

export function observeStore(store: LibraryStore, listener: (change: StoreChange) => void): LibraryStore {
  const known: Partial<LibraryStore> = {
    addArticles: async (articles) => {
      await store.addArticles(articles);
      listener({ type: 'articles-added', articles });
    },
    addPreparedArticles: async (articles) => {
      await store.addPreparedArticles(articles);
      listener({ type: 'texts-written', articleIds: articles.map((article) => article.record.id) });
    },
    replacePreparedArticles: async (articles) => {
      await store.replacePreparedArticles(articles);
      if (articles.length > 0)
        listener({ type: 'texts-written', articleIds: articles.map((article) => article.record.id) });
    },
    readArticle: async (id) => {
      // Until every article is cleaned by the current rules, a read may re-clean and save the text.
      const mayReclean = store.index().cleanedWithRules !== cleaningRulesVersion;
      const article = await store.readArticle(id);
      if (mayReclean && !store.readOnly) listener({ type: 'texts-written', articleIds: [id] });
      return article;
    },
    replaceArticle: async (article) => {
      await store.replaceArticle(article);
      listener({ type: 'article-replaced', article });
    },
    updateArticleRecord: async (id, change) => {
      const record = await store.updateArticleRecord(id, change);
      listener({ type: 'record-changed', articleId: id });
      return record;
    },
    deleteArticle: async (id) => {
      await store.deleteArticle(id);
      listener({ type: 'article-removed', articleId: id });
    },
    setArticleAside: async (id) => {
      const aside = await store.setArticleAside(id);
      listener({ type: 'article-removed', articleId: id });
      return aside;
    },
    restoreArticle: async (record, position) => {
      await store.restoreArticle(record, position);
      listener({ type: 'article-restored', articleId: record.id });
    },
    updateAnnotations: async (articleId, change) => {
      const result = await store.updateAnnotations(articleId, change);
      listener({ type: 'annotations-changed', articleId });
      return result;
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const name = String(property);
      if (name in known) return known[name as keyof LibraryStore];
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || unchanging.has(name)) return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        void Promise.resolve(result).then(
          () => listener({ type: 'unknown' }),
          () => listener({ type: 'unknown' }),
        );
        return result;
      };
    },
  });
}

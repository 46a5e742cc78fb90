/**
 * Group commit for imports: the articles accepted by imports that finish
 * while an earlier write is still on disk are written together in the next
 * write (one folder sync per folder and one index journal entry for all of
 * them, instead of one each), as the renderer keeps several one-file requests
 * in flight. Each import still resolves only once its own articles are
 * durable, and a failed shared write is retried per import, so one import's
 * failure is never another's. Until written, the accepted articles count as
 * known to the duplicate check, so two imports of the same text at the same
 * time do not both import it.
 */
import type { LibraryStore } from '../store/library-store';
import type { ArticleRecord } from '../store/schemas/library-index';
import type { PreparedArticle } from './import-input';

interface Waiting {
  articles: PreparedArticle[];
  done(error?: unknown): void;
}

interface StoreWrites {
  waiting: Waiting[];
  writing: boolean;
  /** Accepted and not yet written (or failed): by content key and by normalised address. */
  byContent: Map<string, ArticleRecord>;
  byUrl: Map<string, ArticleRecord>;
}

const writes = new WeakMap<LibraryStore, StoreWrites>();

function writesFor(store: LibraryStore): StoreWrites {
  let found = writes.get(store);
  if (!found) {
    found = { waiting: [], writing: false, byContent: new Map(), byUrl: new Map() };
    writes.set(store, found);
  }
  return found;
}

/** Accepted articles not yet written to `store`, for the duplicate check. */
export function unwrittenArticles(store: LibraryStore): {
  byContent: ReadonlyMap<string, ArticleRecord>;
  byUrl: ReadonlyMap<string, ArticleRecord>;
} {
  return writesFor(store);
}

async function writeWaiting(store: LibraryStore, state: StoreWrites): Promise<void> {
  state.writing = true;
  try {
    while (state.waiting.length > 0) {
      const batch = state.waiting.splice(0);
      try {
        await store.addPreparedArticles(batch.flatMap((entry) => entry.articles));
        for (const entry of batch) entry.done();
      } catch (error) {
        if (batch.length === 1) batch[0]!.done(error);
        // Each import on its own again, so a failure is reported to the import it belongs to.
        else
          for (const entry of batch)
            await store.addPreparedArticles(entry.articles).then(
              () => entry.done(),
              (own: unknown) => entry.done(own),
            );
      }
    }
  } finally {
    state.writing = false;
  }
}

/**
 * Writes one import's accepted articles, together with those of other imports waiting at the same
 * time; `urlOf` gives an article's normalised address (for the duplicate check meanwhile).
 */
export function writeImported(
  store: LibraryStore,
  articles: PreparedArticle[],
  urlOf: (record: ArticleRecord) => string | null,
): Promise<void> {
  const state = writesFor(store);
  const keys = articles.map(({ record }) => ({ record, content: record.contentKey, url: urlOf(record) }));
  for (const { record, content, url } of keys) {
    state.byContent.set(content, record);
    if (url) state.byUrl.set(url, record);
  }
  const forget = () => {
    for (const { record, content, url } of keys) {
      if (state.byContent.get(content) === record) state.byContent.delete(content);
      if (url && state.byUrl.get(url) === record) state.byUrl.delete(url);
    }
  };
  return new Promise<void>((resolve, reject) => {
    state.waiting.push({
      articles,
      done: (error) => {
        forget();
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
    });
    if (!state.writing) void writeWaiting(store, state);
  });
}

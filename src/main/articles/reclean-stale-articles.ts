/**
 * After a cleaning-rules change, brings every stored article to the new rules
 * in the background: each article file is read and re-cleaned in the import
 * worker, one at a time (so an import waits for at most one), each within the
 * worker's time and memory budget; the main thread only writes the results, a
 * batch at a time, in one index write per batch. Saves never wait for it. The
 * index records the rules version once every article is done, so the next start
 * skips the pass. An article opened before its turn is re-cleaned (in the worker
 * as well) when it is read.
 */
import { cleaningRulesVersion } from '../cleaning/rules-version';
import type { LibraryStore, PreparedArticleFile } from '../store/library-store';

export type RecleanArticleFile = (file: string, signal?: AbortSignal) => Promise<PreparedArticleFile | null>;

/** Returns how many articles were re-cleaned; stops early (without recording the version) when `signal` aborts. */
export async function recleanStaleArticles(
  store: LibraryStore,
  reclean: RecleanArticleFile,
  signal: AbortSignal,
  batchSize = 25,
): Promise<number> {
  if (store.readOnly || store.index().cleanedWithRules === cleaningRulesVersion) return 0;
  const ids = store.index().articles.map((record) => record.id);
  let recleaned = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch: PreparedArticleFile[] = [];
    for (const id of ids.slice(start, start + batchSize)) {
      if (signal.aborted) return recleaned;
      const prepared = await reclean(store.layout.articleFile(id), signal);
      if (prepared?.record.id === id) batch.push(prepared);
    }
    if (signal.aborted) return recleaned;
    // An article deleted meanwhile is not written back.
    const present = new Set(store.index().articles.map((record) => record.id));
    const kept = batch.filter((prepared) => present.has(prepared.record.id));
    await store.replacePreparedArticles(kept);
    recleaned += kept.length;
  }
  await store.updateIndex((index) => {
    index.cleanedWithRules = cleaningRulesVersion;
  });
  return recleaned;
}

/**
 * A fingerprint of everything in the store the search index is made from
 * (article records, each article's text version, highlights and notes by their
 * update times), so a saved index is used only if it was saved from this very
 * store state: the store always wins over the index.
 */
import { createHash } from 'node:crypto';
import type { LibraryStore } from '../store/library-store';
import { articleTags } from './search-documents';
import { highlightSignature } from './search-documents';

export function storeFingerprint(store: LibraryStore): string {
  const hash = createHash('sha256');
  for (const record of store.index().articles) {
    const { outlet, author, publishedAt } = record.source;
    hash.update(
      `${record.id}\u0000${record.title}\u0000${outlet}\u0000${author}\u0000${publishedAt}\u0000${record.contentKey}\u0000${record.wordCount}\u0000${articleTags(record).join(',')}\n`,
    );
    const shard = store.annotations(record.id);
    hash.update(`${shard.articleNote?.updatedAt ?? ''}|${shard.articleNote?.text.length ?? 0}\n`);
    for (const highlight of shard.highlights)
      hash.update(`${highlight.id}:${highlightSignature(highlight)}\n`);
  }
  return hash.digest('hex');
}

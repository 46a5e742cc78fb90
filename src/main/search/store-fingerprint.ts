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
  // Hashed in pieces of about 1 MB: one call per record or highlight cost more than the hashing itself.
  let piece = '';
  for (const record of store.index().articles) {
    const { outlet, author, publishedAt } = record.source;
    piece += `${record.id}\u0000${record.title}\u0000${outlet}\u0000${author}\u0000${publishedAt}\u0000${record.contentKey}\u0000${record.wordCount}\u0000${articleTags(record).join(',')}\n`;
    const shard = store.annotations(record.id);
    piece += `${shard.articleNote?.updatedAt ?? ''}|${shard.articleNote?.text.length ?? 0}\n`;
    for (const highlight of shard.highlights) piece += `${highlight.id}:${highlightSignature(highlight)}\n`;
    if (piece.length > 1 << 20) {
      hash.update(piece);
      piece = '';
    }
  }
  hash.update(piece);
  return hash.digest('hex');
}

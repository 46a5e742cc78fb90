/**
 * Loads every annotation shard for an opening store, validating each, and
 * checks that every article of the index has its shard (each is created with
 * the article). Asked to defer, it reads only the shards changed since the
 * digest of the last close (annotation-digest.ts) and leaves the rest, with
 * their counts, for the store to read after the first screen. A damaged shard, or a missing one whose article the newest
 * sound backup holds highlights or a note for, is restored from that backup
 * (see `repair-file.ts` for how) and reported; a damaged one with no backup
 * starts empty, with the damaged copy kept and the loss reported. A missing
 * shard that no backup holds anything for is created empty.
 */
import path from 'node:path';
import { inspectJsonFileSync } from './file-inspection';
import { repairFile } from './repair-file';
import { writeFilesDurably } from './durable-write';
import { mapLimited } from './map-limited';
import {
  annotationShardSchema,
  annotationShardVersion,
  emptyShard,
  type AnnotationShard,
} from './schemas/annotation-shard';
import { isCanonicalShard } from './schemas/annotation-shard-check';
import { isSafeId } from './store-layout';
import { readAnnotationDigest, type AnnotationCounts } from './annotation-digest';
import { storeFs } from './store-fs';
import type { OpenContext } from './open-context';
import { StoreUnreadableError } from './store-unreadable-error';

export const shardVersions = {
  current: annotationShardVersion,
  schemaFor: (version: number) => (version === 1 ? annotationShardSchema : null),
  // Opening 10,000 shards: the hand-written check instead of zod's copying parse for a sound one.
  parseQuickly: (version: number, value: unknown) =>
    version === 1 && isCanonicalShard(value) ? value : undefined,
};

function hasContent(shard: AnnotationShard): boolean {
  return shard.highlights.length > 0 || shard.articleNote !== null;
}

/** The newest sound backup holding highlights or a note for this article, if any. */
function backupWithContent(context: OpenContext, articleId: string) {
  return context.backups.find((snapshot) => {
    const shard = snapshot.shards[articleId];
    return shard && hasContent(shard) ? shard : undefined;
  });
}

async function restoreShard(
  context: OpenContext,
  articleId: string,
  problem: string,
  damaged: boolean,
): Promise<AnnotationShard> {
  const file = context.layout.annotationFile(articleId);
  const backup = await context.backups.find((snapshot) => snapshot.shards[articleId]);
  const restored = backup?.value ?? emptyShard(articleId);
  const damagedCopy = context.readOnly
    ? null
    : await repairFile(file, JSON.stringify(restored), context.now, damaged);
  context.recovery.push({
    file: path.relative(context.layout.dir, file),
    holds: `the highlights and notes of article ${articleId}`,
    problem,
    outcome: backup ? 'restored-from-backup' : 'started-empty',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return restored;
}

export async function loadShard(context: OpenContext, articleId: string): Promise<AnnotationShard | null> {
  const file = context.layout.annotationFile(articleId);
  const inspection = inspectJsonFileSync(file, shardVersions);
  if (inspection.state === 'missing') return null;
  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      file,
      `It was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}). Nothing was changed.`,
    );
  }
  if (inspection.state === 'sound') {
    const shard = inspection.data as AnnotationShard;
    if (shard.articleId === articleId) return shard;
    return restoreShard(context, articleId, `the file belongs to another article (${shard.articleId})`, true);
  }
  return restoreShard(context, articleId, inspection.problem, true);
}

/** Shards for articles of the index that have none: restored when a backup holds something, else created empty. */
async function checkMissingShards(
  context: OpenContext,
  articleIds: readonly string[],
  loaded: Map<string, AnnotationShard>,
  deferred: ReadonlyMap<string, unknown>,
): Promise<void> {
  const missing = articleIds.filter((id) => !loaded.has(id) && !deferred.has(id) && isSafeId(id));
  if (missing.length === 0) return;
  const created: { file: string; content: string }[] = [];
  for (const articleId of missing) {
    const backup = await backupWithContent(context, articleId);
    if (backup) {
      loaded.set(articleId, await restoreShard(context, articleId, 'the file was missing', false));
    } else {
      created.push({
        file: context.layout.annotationFile(articleId),
        content: JSON.stringify(emptyShard(articleId)),
      });
    }
  }
  if (!context.readOnly && created.length > 0) await writeFilesDurably(created);
}

export interface LoadedAnnotations {
  loaded: Map<string, AnnotationShard>;
  /** The shards left unread (only when deferring), with their counts from the digest. */
  deferred: Map<string, AnnotationCounts>;
}

export async function loadAnnotations(
  context: OpenContext,
  articleIds: readonly string[],
  defer = false,
): Promise<LoadedAnnotations> {
  const names = await storeFs.readdir(context.layout.annotationsDir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && context.readOnly) return [] as string[];
    throw error;
  });
  const ids = names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter(isSafeId);
  const digest = defer ? readAnnotationDigest(context.layout, ids) : null;
  const deferred = digest?.unchanged ?? new Map<string, AnnotationCounts>();
  const toRead = digest?.toRead ?? ids;
  const shards = await mapLimited(toRead, 64, (id) => loadShard(context, id));
  const loaded = new Map<string, AnnotationShard>();
  shards.forEach((shard, index) => {
    if (shard) loaded.set(toRead[index]!, shard);
  });
  await checkMissingShards(context, articleIds, loaded, deferred);
  return { loaded, deferred };
}

/** A shard read at once, outside the open, when it is sound and its own article's; null otherwise (left to `loadShard`). */
export function readSoundShardSync(context: OpenContext, articleId: string): AnnotationShard | null {
  const inspection = inspectJsonFileSync(context.layout.annotationFile(articleId), shardVersions);
  if (inspection.state !== 'sound') return null;
  const shard = inspection.data as AnnotationShard;
  return shard.articleId === articleId ? shard : null;
}

/**
 * A file left for later, read after the open (the store's loader): as on open, a damaged one is
 * restored or started empty and reported; one of an article still in the library that has gone
 * since is restored from the newest backup holding something for it (reported), else created empty.
 * Null only for a file of no article in the library that has gone.
 */
export async function loadDeferredShard(
  context: OpenContext,
  articleId: string,
  inLibrary: boolean,
): Promise<AnnotationShard | null> {
  const shard = await loadShard(context, articleId);
  if (shard || !inLibrary) return shard;
  const backup = await backupWithContent(context, articleId);
  if (backup) return restoreShard(context, articleId, 'the file was missing', false);
  const empty = emptyShard(articleId);
  if (!context.readOnly)
    await writeFilesDurably([
      { file: context.layout.annotationFile(articleId), content: JSON.stringify(empty) },
    ]);
  return empty;
}

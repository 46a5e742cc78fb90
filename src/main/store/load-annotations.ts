/**
 * Loads every annotation shard for an opening store, validating each. A damaged
 * shard is moved aside and restored from the newest sound backup that holds
 * it; with none, that article starts without annotations, the damaged file is
 * kept and the loss is reported.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { inspectJsonFileSync } from './file-inspection';
import { quarantineFile } from './quarantine';
import { findInBackups } from './backups';
import { writeFileDurably } from './durable-write';
import { mapLimited } from './map-limited';
import {
  annotationShardSchema,
  annotationShardVersion,
  type AnnotationShard,
} from './schemas/annotation-shard';
import { isSafeId, type StoreLayout } from './store-layout';
import type { RecoveryEvent } from './recovery-event';
import { StoreUnreadableError } from './store-unreadable-error';

export const shardVersions = {
  current: annotationShardVersion,
  schemaFor: (version: number) => (version === 1 ? annotationShardSchema : null),
};

async function loadShard(
  layout: StoreLayout,
  articleId: string,
  now: Date,
  recovery: RecoveryEvent[],
): Promise<AnnotationShard | null> {
  const file = layout.annotationFile(articleId);
  const inspection = inspectJsonFileSync(file, shardVersions);
  if (inspection.state === 'missing') return null;
  if (inspection.state === 'newer') {
    throw new StoreUnreadableError(
      file,
      `It was written by a newer version of Briefing Reader (schema ${inspection.schemaVersion}). Nothing was changed.`,
    );
  }
  let problem: string;
  if (inspection.state === 'sound') {
    const shard = inspection.data as AnnotationShard;
    if (shard.articleId === articleId) return shard;
    problem = `the file belongs to another article (${shard.articleId})`;
  } else {
    problem = inspection.problem;
  }

  const damagedCopy = await quarantineFile(file, now);
  const backup = await findInBackups(layout.backupsDir, (snapshot) => snapshot.shards[articleId]);
  if (backup) await writeFileDurably(file, JSON.stringify(backup.value));
  recovery.push({
    file: path.relative(layout.dir, file),
    holds: `the highlights and notes of article ${articleId}`,
    problem,
    outcome: backup ? 'restored-from-backup' : 'started-empty',
    backupTakenAt: backup?.takenAt ?? null,
    damagedCopy,
  });
  return backup?.value ?? null;
}

export async function loadAnnotations(
  layout: StoreLayout,
  now: Date,
  recovery: RecoveryEvent[],
): Promise<Map<string, AnnotationShard>> {
  const ids = (await readdir(layout.annotationsDir))
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter(isSafeId);
  const shards = await mapLimited(ids, 64, (id) => loadShard(layout, id, now, recovery));
  const loaded = new Map<string, AnnotationShard>();
  shards.forEach((shard, index) => {
    if (shard) loaded.set(ids[index]!, shard);
  });
  return loaded;
}

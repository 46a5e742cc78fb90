/**
 * The store: opens the store folder (taking its lock, sweeping crash leftovers,
 * loading and if need be recovering every file), then serves reads from memory
 * and durable, coalesced writes. See `store-layout.ts` for the files.
 *
 * Written often: one article's annotation file per save, so a save costs the
 * same with 5 articles as with 10,000. The index (imports, titles, settings)
 * is saved as one small journal record per change (index-journal.ts), folded
 * into library.json in the background. Written rarely: article texts (imports only).
 */
import path from 'node:path';
import { acquireStoreLock } from './store-lock';
import { sweepTempFiles } from './sweep-temp-files';
import { loadIndex } from './load-index';
import { replayIndexJournal } from './load-index-journal';
import { createIndexJournal, type JournalState } from './index-journal';
import {
  loadAnnotations,
  loadDeferredShard,
  readSoundShardSync,
  type LoadedAnnotations,
} from './load-annotations';
import {
  adoptCounts,
  countsOf,
  digestEntries,
  noAnnotationCounts,
  writeAnnotationDigest,
  type AnnotationCounts,
} from './annotation-digest';
import { loadOperations } from './load-operations';
import { loadBriefings } from './load-briefings';
import { briefingsFileSchema, type BriefingsFile } from './schemas/briefings-file';
import { operationLogSchema, operationSchema, type OperationLog } from './schemas/operation-log';
import { cleanedWithOlderRules, inspectArticleFile } from './article-versions';
import { quarantineFile } from './quarantine';
import { syncDirectory, writeFilesDurably } from './durable-write';
import { backupSource } from './backups';
import { createBackupScheduler } from './backup-scheduler';
import { checkArticleFiles } from './check-article-files';
import { repairFile } from './repair-file';
import { storeFs } from './store-fs';
import {
  bringArticleFilesBack,
  finishInterruptedDeletes,
  purgeArticleFiles,
  readSetAsideShard,
  setArticleFilesAside,
} from './deleted-articles';
import { StoreUnreadableError } from './store-unreadable-error';
import type { OpenContext } from './open-context';
import { createJsonDocument, type DraftPolicy, type JsonDocument } from './json-document';
import { checkNewItems, deepFreeze } from './frozen-items';
import { serializeWithCachedLists } from './cached-list-json';
import { storeLayout, type StoreLayout } from './store-layout';
import { indexPolicy, indexShellSchema } from './index-document-policy';
import type { RecoveryEvent } from './recovery-event';
import { articleFileSchema, type ArticleFile } from './schemas/article-file';
import { articleRecordSchema, type ArticleRecord, type LibraryIndex } from './schemas/library-index';
import {
  annotationShardSchema,
  emptyShard,
  highlightSchema,
  type AnnotationShard,
} from './schemas/annotation-shard';

export interface OpenStoreOptions {
  /** The store folder. */
  dir: string;
  now?: () => Date;
  /** Snapshot the annotations on open and while changes happen (default true). */
  backups?: boolean;
  /** Shortest time between two change-driven backups (default `backupPolicy.minIntervalMs`). */
  backupIntervalMs?: number;
  /**
   * Opens without the lock and never writes, moves or creates a file: damage is
   * reported in `recovery` (with no damaged copy, as nothing was moved) and
   * what a backup holds is served from memory. Every change is refused.
   */
  readOnly?: boolean;
  /**
   * Re-cleans an article file made by older cleaning rules away from the main thread (the app
   * passes the import worker's); null when it could not, and the article is served as it was.
   * Without it, re-cleaning happens in this thread.
   */
  recleanArticleFile?: (file: string) => Promise<PreparedArticleFile | null>;
  /** Where a failed write of the undo history is reported (it is retried with the next write). */
  logError?: (error: unknown) => void;
  /** Told once the lock is held, before the rest of the open (a window may then load beside it). */
  onLockTaken?: () => void;
  /**
   * Leaves the annotation files unchanged since the last close unread until `whenAnnotationsLoaded`
   * (or a change, or a backup) asks for them; their counts come from the digest written then
   * (annotation-digest.ts). The app's start does this; by default every file is read on open.
   */
  deferAnnotations?: boolean;
}

/** A change asked of a store opened read-only. */
export class StoreReadOnlyError extends Error {
  constructor() {
    super('The library was opened read-only; nothing was changed.');
    this.name = 'StoreReadOnlyError';
  }
}

export class ArticleTextUnavailableError extends Error {
  constructor(
    readonly articleId: string,
    readonly problem: string,
    readonly damagedCopy: string | null,
  ) {
    super(
      `The text of this article could not be read: ${problem}.${damagedCopy ? ` The damaged file was kept at ${damagedCopy}.` : ''}`,
    );
    this.name = 'ArticleTextUnavailableError';
  }
}

/** A change to an article whose annotation file could not be read at all after the open (see `unreadable`). */
export class AnnotationsUnreadableError extends Error {
  constructor(
    readonly articleId: string,
    readonly problem: string,
  ) {
    super(`The highlights and notes of this article could not be read (${problem}); nothing was changed.`);
    this.name = 'AnnotationsUnreadableError';
  }
}

/** An article file already checked and serialised (JSON text or its UTF-8 bytes), with its record. */
export interface PreparedArticleFile {
  record: ArticleRecord;
  content: string | Uint8Array;
}

export interface LibraryStore {
  readonly layout: StoreLayout;
  /** What was repaired when the store opened; empty when every file was sound. */
  readonly recovery: readonly RecoveryEvent[];
  index(): Readonly<LibraryIndex>;
  /** Changes the index (settings, seeding record). Article records change only through the methods below. */
  updateIndex<R>(change: (draft: LibraryIndex) => R): Promise<R>;
  /** True when opened with `readOnly`. */
  readonly readOnly: boolean;
  /** Writes the articles' texts, then adds their records to the index, in one index write. */
  addArticles(articles: ArticleFile[]): Promise<void>;
  /**
   * The same for articles already checked against the article-file schema and serialised
   * (by the import worker): each file is written as the JSON given; only records are checked here.
   */
  addPreparedArticles(articles: PreparedArticleFile[]): Promise<void>;
  /**
   * Re-imports the text of an article already in the library whose text file is
   * missing or damaged (the damaged copy is kept); true if it was repaired,
   * false if the text was sound and nothing was done.
   */
  repairArticleText(id: string, article: ArticleFile): Promise<boolean>;
  /** Reads an article's text, re-cleaning it (and saving the result) if older rules made it. */
  readArticle(id: string): Promise<ArticleFile>;
  /** Writes article files re-cleaned elsewhere (see `recleanArticleFile`) and their records, in one index write. */
  replacePreparedArticles(articles: PreparedArticleFile[]): Promise<void>;
  /** Changes an article's record (title, source metadata) in the index and in its article file. */
  updateArticleRecord(id: string, change: (record: ArticleRecord) => void): Promise<ArticleRecord>;
  /** Writes an article file made again from its raw text (the reader restored or removed a line) and its record. */
  replaceArticle(article: ArticleFile): Promise<void>;
  /** Removes an article: its record, its text and its annotations. */
  deleteArticle(id: string): Promise<void>;
  /** Removes an article from the library, moving its text and annotations into `deleted/` (see deleted-articles.ts); returns its record. */
  setArticleAside(id: string): Promise<{ record: ArticleRecord; position: number }>;
  /**
   * Puts an article set aside back: its files, its annotations, its record. If
   * the same article was imported again meanwhile, that one stays, and gets the
   * set-aside annotations only if it has none of its own.
   */
  restoreArticle(record: ArticleRecord, position?: number): Promise<void>;
  /** Removes the files of an article set aside for good. */
  purgeDeletedArticle(id: string): Promise<void>;
  annotations(articleId: string): Readonly<AnnotationShard>;
  /** What the library shows of an article's annotations, without reading a file left for later. */
  annotationCounts(articleId: string): AnnotationCounts;
  annotatedArticleIds(): string[];
  /**
   * Reads the annotation files an open with `deferAnnotations` left for later, a slice at a time
   * (started once, by the first call); resolves once every one is in memory.
   */
  whenAnnotationsLoaded(): Promise<void>;
  /** Changes one article's annotations; resolves once the change is durable. */
  updateAnnotations<R>(articleId: string, change: (draft: AnnotationShard) => R): Promise<R>;
  /** The user's briefings. */
  briefings(): Readonly<BriefingsFile>;
  updateBriefings<R>(change: (draft: BriefingsFile) => R): Promise<R>;
  /** The undo/redo history. */
  operations(): Readonly<OperationLog>;
  updateOperations<R>(change: (draft: OperationLog) => R): Promise<R>;
  flush(): Promise<void>;
  /** Flushes, stops the backup timer and releases the lock. */
  close(): Promise<void>;
}

/** An article's annotations: only new or changed highlights are validated (see frozen-items.ts). */
const shardShellSchema = annotationShardSchema.omit({ highlights: true });
const shardPolicy: DraftPolicy<AnnotationShard> = {
  draft: (shard) => ({ ...shard, highlights: [...shard.highlights] }),
  check: (draft, previous) => ({
    ...shardShellSchema.parse(draft),
    articleNote: draft.articleNote === null ? null : deepFreeze({ ...draft.articleNote }),
    highlights: checkNewItems(draft.highlights, previous.highlights, highlightSchema),
  }),
};

/** The undo/redo history: only new operations are validated. */
const operationsPolicy: DraftPolicy<OperationLog> = {
  draft: (log) => ({ ...log, undo: [...log.undo], redo: [...log.redo] }),
  check: (draft, previous) => ({
    schemaVersion: operationLogSchema.shape.schemaVersion.parse(draft.schemaVersion),
    undo: checkNewItems(draft.undo, [...previous.undo, ...previous.redo], operationSchema),
    redo: checkNewItems(draft.redo, [...previous.undo, ...previous.redo], operationSchema),
  }),
};

/**
 * Written from cached bytes per highlight and per history step (cached-list-json.ts): a note
 * autosave re-encodes the one highlight and the one step it changed, not the whole file.
 */
const serializeShard = (shard: AnnotationShard) => serializeWithCachedLists(shard, ['highlights']);
const serializeOperations = (log: OperationLog) => serializeWithCachedLists(log, ['undo', 'redo']);

/** A read-only open needs an existing folder: a mistyped path is an error, never a new store. */
async function requireStoreFolder(dir: string): Promise<void> {
  const stats = await storeFs.stat(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  if (!stats) throw new StoreUnreadableError(dir, 'The folder does not exist. Check the path.');
  if (!stats.isDirectory()) throw new StoreUnreadableError(dir, 'It is a file, not a library folder.');
}

export async function openLibraryStore(options: OpenStoreOptions): Promise<LibraryStore> {
  const layout = storeLayout(options.dir);
  const now = options.now ?? (() => new Date());
  const readOnly = options.readOnly ?? false;
  let releaseLock = async () => {};
  if (readOnly) {
    await requireStoreFolder(layout.dir);
  } else {
    await storeFs.mkdir(layout.articlesDir, { recursive: true });
    await storeFs.mkdir(layout.annotationsDir, { recursive: true });
    releaseLock = (await acquireStoreLock(layout.lockFile)).release;
  }
  options.onLockTaken?.();

  try {
    if (!readOnly) {
      await sweepTempFiles([
        layout.dir,
        layout.articlesDir,
        layout.annotationsDir,
        layout.backupsDir,
        layout.articleBackupsDir,
        layout.deletedDir,
      ]);
    }
    const context: OpenContext = {
      layout,
      now: now(),
      recovery: [],
      backups: backupSource(layout.backupsDir),
      readOnly,
    };
    const { index, journal } = await replayIndexJournal(context, await loadIndex(context));
    if (!readOnly)
      await finishInterruptedDeletes(
        layout,
        index.articles.map((record) => record.id),
      );
    await checkArticleFiles(context, index);
    const shards = await loadAnnotations(
      context,
      index.articles.map((record) => record.id),
      options.deferAnnotations ?? false,
    );
    const operations = await loadOperations(context);
    const briefings = await loadBriefings(context);
    const store = createStore(
      layout,
      index,
      journal,
      { ...shards, context },
      operations,
      briefings,
      context.recovery,
      releaseLock,
      { ...options, backups: readOnly ? false : options.backups },
      now,
    );
    return readOnly ? readOnlyView(store) : store;
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/** The same store with every change refused. */
function readOnlyView(store: LibraryStore): LibraryStore {
  const refuse = () => Promise.reject(new StoreReadOnlyError());
  return {
    ...store,
    readOnly: true,
    updateIndex: refuse,
    addArticles: refuse,
    addPreparedArticles: refuse,
    replacePreparedArticles: refuse,
    repairArticleText: refuse,
    updateArticleRecord: refuse,
    deleteArticle: refuse,
    setArticleAside: refuse,
    restoreArticle: refuse,
    purgeDeletedArticle: refuse,
    updateAnnotations: refuse,
    updateBriefings: refuse,
    updateOperations: refuse,
  };
}

function createStore(
  layout: StoreLayout,
  index: LibraryIndex,
  journalState: JournalState,
  annotationFiles: LoadedAnnotations & { context: OpenContext },
  operations: OperationLog,
  briefings: BriefingsFile,
  recovery: RecoveryEvent[],
  releaseLock: () => Promise<void>,
  options: OpenStoreOptions,
  now: () => Date,
): LibraryStore {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  // The index is saved as a journal of small records, folded into library.json in the background.
  const journal = createIndexJournal({
    layout,
    state: journalState,
    requestWrite: () => indexDocument.update(() => undefined),
    logError,
    readOnly: options.readOnly,
  });
  const indexDocument: JsonDocument<LibraryIndex> = createJsonDocument({
    file: layout.libraryFile,
    schema: indexShellSchema,
    data: { ...index, articles: index.articles.map((record) => deepFreeze(record)) },
    policy: indexPolicy,
    write: journal.persist,
  });
  const shardDocuments = new Map<string, JsonDocument<AnnotationShard>>();
  const shardDocument = (articleId: string, data: AnnotationShard) =>
    createJsonDocument({
      file: layout.annotationFile(articleId),
      schema: annotationShardSchema,
      data,
      policy: shardPolicy,
      serialize: serializeShard,
    });
  for (const [articleId, shard] of annotationFiles.loaded) {
    shardDocuments.set(articleId, shardDocument(articleId, deepFreeze(shard)));
  }
  const deferred = annotationFiles.deferred;
  /** A file left for later, now read (null: gone since the open). */
  const adoptDeferred = (articleId: string, shard: AnnotationShard | null) => {
    const counts = deferred.get(articleId)!;
    deferred.delete(articleId);
    if (!shard) return;
    const document = shardDocument(articleId, deepFreeze(shard));
    shardDocuments.set(articleId, document);
    adoptCounts(document.data(), counts);
  };
  /**
   * Files the loader could not read at all (no permission, a disk error, a newer version's file):
   * served empty, and every change to them refused with the reason, so nothing overwrites them.
   */
  const unreadable = new Map<string, string>();
  /**
   * Reads the files left for later in slices of 200, letting requests in between. A damaged or
   * missing one is repaired and reported as on open (its report joins `recovery`); one that cannot
   * be read at all is set apart (`unreadable`) and the others still load.
   */
  let loadingDeferred: Promise<void> | null = deferred.size === 0 ? Promise.resolve() : null;
  const whenAnnotationsLoaded = () => {
    loadingDeferred ??= (async () => {
      const ids = [...deferred.keys()];
      for (let from = 0; from < ids.length; from += 200) {
        await new Promise((resolve) => setImmediate(resolve));
        const inLibrary = idsInIndex();
        for (const id of ids.slice(from, from + 200)) {
          if (!deferred.has(id)) continue;
          try {
            const repairs = recovery.length;
            const shard = await loadDeferredShard(annotationFiles.context, id, inLibrary.has(id));
            for (const event of recovery.slice(repairs))
              logError(
                new Error(
                  `Repaired after the first screen: ${event.file}: ${event.problem} (${event.outcome}).`,
                ),
              );
            // (A file read meanwhile by `annotations` is not replaced.)
            if (deferred.has(id)) adoptDeferred(id, shard);
          } catch (error) {
            if (!deferred.delete(id)) continue;
            unreadable.set(
              id,
              error instanceof StoreUnreadableError ? error.reason : (error as Error).message,
            );
            logError(error);
          }
        }
      }
    })();
    return loadingDeferred;
  };
  /** Reads a file left for later now, if it is sound and its article's (else it is for the loader, which repairs). */
  const readDeferredNow = (articleId: string) => {
    const shard = readSoundShardSync(annotationFiles.context, articleId);
    if (shard) adoptDeferred(articleId, shard);
  };
  /**
   * Before a change to these articles' annotations or files: their files left for later are read
   * now (at once when sound, so the change still runs in the caller's turn); null when none is
   * left, else what to wait for (the loader, for a file it must repair first).
   */
  const readBeforeChange = (articleIds: readonly string[]): Promise<void> | null => {
    const refused = unreadable.size > 0 ? articleIds.find((id) => unreadable.has(id)) : undefined;
    if (refused !== undefined)
      return Promise.reject(new AnnotationsUnreadableError(refused, unreadable.get(refused)!));
    if (deferred.size === 0) return null;
    for (const id of articleIds) if (deferred.has(id)) readDeferredNow(id);
    return articleIds.some((id) => deferred.has(id)) ? whenAnnotationsLoaded() : null;
  };
  const operationsDocument = createJsonDocument({
    file: layout.operationsFile,
    schema: operationLogSchema,
    data: deepFreeze(operations),
    policy: operationsPolicy,
    serialize: serializeOperations,
    keepOnFailure: true,
  });
  const briefingsDocument = createJsonDocument({
    file: layout.briefingsFile,
    schema: briefingsFileSchema,
    data: briefings,
  });
  const backups = createBackupScheduler(
    layout,
    {
      index: { data: () => journal.withSeq(indexDocument.data()) },
      shards: shardDocuments,
      // A backup holds every annotation file: it waits until those left for later are read.
      ready: () => (deferred.size === 0 ? null : whenAnnotationsLoaded()),
      briefings: briefingsDocument,
      operations: operationsDocument,
    },
    options,
    now,
    // The backup holds the whole index: library.json can take it too, and the journal start afresh.
    () => journal.compact(),
  );
  /** Reads an article's copy in `backups/articles/`, if it is sound and belongs to that article. */
  const articleCopy = async (id: string): Promise<ArticleFile | null> => {
    const copy = await inspectArticleFile(layout.articleBackupFile(id)).catch(() => null);
    if (copy?.state !== 'sound' || copy.article.record.id !== id) return null;
    const record = indexDocument.data().articles.find((candidate) => candidate.id === id);
    return record && !copy.upgraded ? { ...copy.article, record } : copy.article;
  };
  /** Keeps a copy of each new article file, written once: article texts never change after import. */
  const keepArticleCopies = async (articles: ArticleFile[]) => {
    if (options.readOnly) return;
    await storeFs.mkdir(layout.articleBackupsDir, { recursive: true });
    await writeFilesDurably(
      articles.map((article) => ({
        file: layout.articleBackupFile(article.record.id),
        content: JSON.stringify(article),
      })),
    );
  };
  let closing: Promise<void> | null = null;
  /** Writes an article file that was upgraded on read, and its new record into the index. */
  const saveArticle = async (article: ArticleFile) => {
    await writeFilesDurably([
      { file: layout.articleFile(article.record.id), content: JSON.stringify(article) },
    ]);
    await indexDocument.update((draft) => {
      draft.articles = draft.articles.map((record) =>
        record.id === article.record.id ? article.record : record,
      );
    });
  };
  /** Writes re-cleaned article files, then their records into the index in one write. */
  const replacePreparedArticles = async (articles: PreparedArticleFile[]) => {
    if (articles.length === 0) return;
    await writeFilesDurably(
      articles.map(({ record, content }) => ({ file: layout.articleFile(record.id), content })),
    );
    const records = new Map(articles.map(({ record }) => [record.id, record]));
    await indexDocument.update((draft) => {
      draft.articles = draft.articles.map((record) => records.get(record.id) ?? record);
    });
    backups.changed();
  };
  /**
   * The counts of every annotation file as saved, for the next open (annotation-digest.ts; it only
   * ever saves time). A file is described only if its data did not change while the writes were
   * flushed (so none is in flight for it), and the stats are taken in the same turn; a change
   * after that rewrites the file, which the next open then sees changed.
   */
  const writeDigest = async () => {
    if (options.readOnly) return;
    const before = new Map([...shardDocuments].map(([id, document]) => [id, document.data()]));
    await flush();
    const files: [string, AnnotationCounts][] = [...deferred];
    for (const [id, document] of shardDocuments) {
      const data = document.data();
      if (before.get(id) === data) files.push([id, countsOf(data)]);
    }
    await writeAnnotationDigest(layout, digestEntries(layout, files)).catch(logError);
  };
  const updateAnnotations = async <R>(
    articleId: string,
    change: (draft: AnnotationShard) => R,
  ): Promise<R> => {
    let document = shardDocuments.get(articleId);
    if (!document) {
      document = shardDocument(articleId, emptyShard(articleId));
      shardDocuments.set(articleId, document);
    }
    const result = await document.update(change);
    backups.changed();
    return result;
  };
  const flush = async () => {
    await Promise.all([
      indexDocument.flush(),
      operationsDocument.flush(),
      briefingsDocument.flush(),
      ...[...shardDocuments.values()].map((document) => document.flush()),
    ]);
    await backups.idle();
  };

  /**
   * The ids of the index's records, for the list they were made from. An import carries them over
   * to the list it makes, so imports one file at a time into 10,000 articles never build them
   * again; any other change to the list makes them afresh when next asked for.
   */
  let knownIds: { articles: readonly ArticleRecord[]; ids: Set<string> } | null = null;
  const idsInIndex = () => {
    const { articles } = indexDocument.data();
    if (knownIds?.articles !== articles)
      knownIds = { articles, ids: new Set(articles.map((record) => record.id)) };
    return knownIds.ids;
  };

  const addPreparedArticles = async (articles: PreparedArticleFile[]) => {
    const reading = readBeforeChange(articles.map((article) => article.record.id));
    if (reading) await reading;
    const newShards = articles
      .map((article) => article.record.id)
      .filter((id, at, ids) => !shardDocuments.has(id) && ids.indexOf(id) === at);
    await storeFs.mkdir(layout.articleBackupsDir, { recursive: true });
    // One batch: each text, its copy in the backups, and (so a missing one is noticed on open)
    // an annotation file for every article from the start.
    await writeFilesDurably([
      ...articles.flatMap(({ record, content }) => [
        { file: layout.articleFile(record.id), content },
        { file: layout.articleBackupFile(record.id), content },
      ]),
      ...newShards.map((id) => ({
        file: layout.annotationFile(id),
        content: JSON.stringify(emptyShard(id)),
      })),
    ]);
    for (const id of newShards) shardDocuments.set(id, shardDocument(id, deepFreeze(emptyShard(id))));
    const ids = idsInIndex();
    const adding = articles
      .map(({ record }) => record)
      .filter((record, at, all) => !ids.has(record.id) && all.findIndex((r) => r.id === record.id) === at);
    const before = indexDocument.data().articles;
    // (Each new record is validated by the index's check, once.)
    const written = indexDocument.update((draft) => void draft.articles.push(...adding));
    // The new list was adopted at once (or the change refused): its ids are these ones and the new.
    const after = indexDocument.data().articles;
    if (after !== before && knownIds?.articles === before) {
      for (const record of adding) ids.add(record.id);
      knownIds = { articles: after, ids };
    }
    await written;
    backups.changed();
  };

  return {
    layout,
    recovery,
    readOnly: false,
    index: () => indexDocument.data(),
    addArticles: (articles) =>
      addPreparedArticles(
        articles.map((article) => ({
          record: articleFileSchema.parse(article).record,
          content: JSON.stringify(article),
        })),
      ),
    addPreparedArticles,
    updateIndex: async (change) => {
      const result = await indexDocument.update(change);
      backups.changed();
      return result;
    },
    replacePreparedArticles,
    readArticle: async (id) => {
      const file = layout.articleFile(id);
      const inspection = await inspectArticleFile(file, !options.recleanArticleFile);
      if (inspection.state === 'sound') {
        if (inspection.stale && !options.readOnly) {
          const prepared = await options.recleanArticleFile!(file);
          if (!prepared || prepared.record.id !== id) return inspection.article;
          await replacePreparedArticles([prepared]);
          return JSON.parse(
            typeof prepared.content === 'string'
              ? prepared.content
              : new TextDecoder().decode(prepared.content),
          ) as ArticleFile;
        }
        if (!inspection.upgraded || options.readOnly) return inspection.article;
        await saveArticle(inspection.article);
        return inspection.article;
      }
      if (inspection.state === 'newer')
        throw new ArticleTextUnavailableError(
          id,
          'it was written by a newer version of Briefing Reader',
          null,
        );
      const copy = await articleCopy(id);
      if (copy && options.readOnly) return copy;
      if (copy) {
        const damagedCopy = await repairFile(
          file,
          JSON.stringify(copy),
          now(),
          inspection.state === 'damaged',
        );
        recovery.push({
          file: path.relative(layout.dir, file),
          holds: `the text of the article “${copy.record.title}”`,
          problem: inspection.state === 'damaged' ? inspection.problem : 'the file was missing',
          outcome: 'restored-from-backup',
          backupTakenAt: copy.record.addedAt,
          damagedCopy,
        });
        return copy;
      }
      if (inspection.state === 'missing')
        throw new ArticleTextUnavailableError(id, 'its file is missing', null);
      throw new ArticleTextUnavailableError(
        id,
        inspection.problem,
        options.readOnly ? null : await quarantineFile(file, now()),
      );
    },
    repairArticleText: async (id, article) => {
      const record = indexDocument.data().articles.find((candidate) => candidate.id === id);
      if (!record) throw new Error(`No article ${id} in the index.`);
      const file = layout.articleFile(id);
      const inspection = await inspectArticleFile(file).catch(() => ({ state: 'damaged' as const }));
      if (inspection.state === 'sound' || inspection.state === 'newer') return false;
      const repaired: ArticleFile = { ...article, record: { ...article.record, ...record } };
      articleFileSchema.parse(repaired);
      await repairFile(file, JSON.stringify(repaired), now(), inspection.state === 'damaged');
      await keepArticleCopies([repaired]);
      return true;
    },
    replaceArticle: async (article) => {
      articleFileSchema.parse(article);
      await saveArticle(article);
      backups.changed();
    },
    updateArticleRecord: async (id, change) => {
      const current = indexDocument.data().articles.find((record) => record.id === id);
      if (!current) throw new Error(`No article ${id} in the index.`);
      const next = structuredClone(current);
      change(next);
      articleRecordSchema.parse(next);
      // The article file (which repeats the record) and the index are written side by side.
      const articleFileWrite = (async () => {
        const inspection = await inspectArticleFile(layout.articleFile(id), !options.recleanArticleFile);
        if (inspection.state !== 'sound') return;
        await writeFilesDurably([
          { file: layout.articleFile(id), content: JSON.stringify({ ...inspection.article, record: next }) },
        ]);
      })();
      await Promise.all([
        articleFileWrite,
        indexDocument.update((draft) => {
          draft.articles = draft.articles.map((record) => (record.id === id ? next : record));
        }),
      ]);
      backups.changed();
      return next;
    },
    deleteArticle: async (id) => {
      const reading = readBeforeChange([id]);
      if (reading) await reading;
      await indexDocument.update((draft) => {
        draft.articles = draft.articles.filter((record) => record.id !== id);
      });
      backups.changed();
      const shard = shardDocuments.get(id);
      shardDocuments.delete(id);
      await shard?.flush();
      await Promise.all([
        storeFs.rm(layout.articleFile(id), { force: true }),
        storeFs.rm(layout.annotationFile(id), { force: true }),
        storeFs.rm(layout.articleBackupFile(id), { force: true }),
      ]);
      await syncDirectory(layout.articlesDir);
      await syncDirectory(layout.annotationsDir);
    },
    setArticleAside: async (id) => {
      const reading = readBeforeChange([id]);
      if (reading) await reading;
      const position = indexDocument.data().articles.findIndex((candidate) => candidate.id === id);
      const record = indexDocument.data().articles[position];
      if (!record) throw new Error(`No article ${id} in the index.`);
      const shard = shardDocuments.get(id);
      await shard?.flush();
      await setArticleFilesAside(layout, id, shard?.data() ?? emptyShard(id));
      shardDocuments.delete(id);
      await indexDocument.update((draft) => {
        draft.articles = draft.articles.filter((candidate) => candidate.id !== id);
      });
      backups.changed();
      return { record, position };
    },
    restoreArticle: async (record, position) => {
      const reading = readBeforeChange([record.id]);
      if (reading) await reading;
      articleRecordSchema.parse(record);
      const id = record.id;
      const reimported = shardDocuments.get(id);
      if (indexDocument.data().articles.some((candidate) => candidate.id === id)) {
        const setAside = await readSetAsideShard(layout, id);
        const own = reimported?.data();
        if (reimported && own && own.highlights.length === 0 && !own.articleNote)
          await reimported.update((draft) => {
            draft.highlights = setAside.highlights;
            draft.articleNote = setAside.articleNote;
          });
        await purgeArticleFiles(layout, id, true);
        backups.changed();
        return;
      }
      const shard = await bringArticleFilesBack(layout, id);
      shardDocuments.set(id, shardDocument(id, deepFreeze(shard)));
      const cleanedBefore = await cleanedWithOlderRules(layout.articleFile(id));
      await indexDocument.update((draft) => {
        draft.articles.splice(position ?? draft.articles.length, 0, record);
        // Set aside before the rules changed, it comes back cleaned by older ones: the library is no
        // longer all current, so the background re-cleaning takes it (and search re-reads it) again.
        if (cleanedBefore) delete draft.cleanedWithRules;
      });
      backups.changed();
    },
    purgeDeletedArticle: async (id) => {
      await purgeArticleFiles(
        layout,
        id,
        indexDocument.data().articles.some((candidate) => candidate.id === id),
      );
    },
    annotations: (articleId) => {
      const document = shardDocuments.get(articleId);
      if (document) return document.data();
      if (!deferred.has(articleId)) return emptyShard(articleId);
      // Asked for before the files left for later are read: this one is read now if it is sound;
      // anything else is for the loader (which repairs), and nothing can change it before that.
      readDeferredNow(articleId);
      const loaded = shardDocuments.get(articleId);
      if (loaded) return loaded.data();
      void whenAnnotationsLoaded().catch(logError);
      return emptyShard(articleId);
    },
    annotationCounts: (articleId) => {
      const document = shardDocuments.get(articleId);
      if (document) return countsOf(document.data());
      return deferred.get(articleId) ?? noAnnotationCounts;
    },
    annotatedArticleIds: () => [...shardDocuments.keys(), ...deferred.keys()],
    whenAnnotationsLoaded,
    updateAnnotations: (articleId, change) => {
      const reading = readBeforeChange([articleId]);
      return reading
        ? reading.then(() => updateAnnotations(articleId, change))
        : updateAnnotations(articleId, change);
    },
    briefings: () => briefingsDocument.data(),
    updateBriefings: async (change) => {
      const result = await briefingsDocument.update(change);
      backups.changed();
      return result;
    },
    operations: () => operationsDocument.data(),
    /**
     * The history only serves undo; the change it records is already saved in
     * its own file. So a failed history write does not turn a saved change into
     * a reported failure: the entry stays in memory, is written with the next
     * history write, and the failure is logged.
     */
    updateOperations: async <R>(change: (draft: OperationLog) => R): Promise<R> => {
      const before = operationsDocument.data();
      let result: { value: R } | null = null;
      try {
        return await operationsDocument.update((draft) => (result = { value: change(draft) }).value);
      } catch (error) {
        // A change that threw or failed its check was not adopted: that is the caller's error.
        if (operationsDocument.data() === before || result === null) throw error;
        logError(error);
        return (result as { value: R }).value;
      }
    },
    flush,
    close: () => {
      closing ??= (async () => {
        // Every file left for later is read first, so the backup on close and the digest hold all
        // (a file the loader could not read stays as it is).
        await whenAnnotationsLoaded().catch(() => undefined);
        backups.stop();
        try {
          await flush();
          await journal.compact();
          await writeDigest();
        } finally {
          journal.stop();
          await releaseLock();
        }
      })();
      return closing;
    },
  };
}

/**
 * Stored data has its own schemas, apart from the wire contract, one frozen
 * schema per version and migrations one step at a time:
 *
 * - no stored-data schema or migration imports src/shared/contract.ts;
 * - a frozen version module (migrations/*-vN.ts) imports zod, plain shared data
 *   and other frozen modules only; the one documented exception (operations v1
 *   reuses the highlight and article-record shapes) holds only while those
 *   files are still at the versions v1 was written with;
 * - every stored file kind reads every version from 1 to its current one;
 * - article files read their cleaned article with a frozen copy of the shared
 *   schema, which must equal the live one until a new article-file version;
 * - with real files: a version-1 operations.json (with the article-deletion
 *   step the last v1 builds wrote) and a version-1 briefings.json open, undo
 *   works, and the next writes store versions 2 and 3; a version-2
 *   briefings.json opens and is next written as version 3; a newer one is
 *   refused with a clear message and left byte for byte as it was.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shardVersions } from '../../src/main/store/load-annotations';
import { articleVersions } from '../../src/main/store/article-versions';
import { libraryVersions } from '../../src/main/store/migrations/library-versions';
import { briefingsVersions } from '../../src/main/store/migrations/briefings-versions';
import { operationsVersions } from '../../src/main/store/migrations/operations-versions';
import { annotationShardVersion } from '../../src/main/store/schemas/annotation-shard';
import { libraryIndexVersion } from '../../src/main/store/schemas/library-index';
import { articleFileSchema, articleFileVersion } from '../../src/main/store/schemas/article-file';
import { storedCleanedArticleV2Schema } from '../../src/main/store/migrations/article-file-v2';
import { storedCleanedArticleV3Schema } from '../../src/main/store/migrations/article-file-v3';
import { cleanedArticleSchema } from '../../src/shared/cleaned-article';
import { storeLayout } from '../../src/main/store/store-layout';
import { dispatchApp } from './dispatch-app';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const storeDir = path.resolve('src/main/store');

async function modulesIn(dir: string): Promise<{ file: string; imports: string[] }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts'));
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      return {
        file: name,
        imports: [...text.matchAll(/^import [^;]*? from '([^']+)';$/gms)].map((m) => m[1]!),
      };
    }),
  );
}

describe('stored-data schemas', () => {
  it('never import the wire contract', async () => {
    const modules = [
      ...(await modulesIn(path.join(storeDir, 'schemas'))),
      ...(await modulesIn(path.join(storeDir, 'migrations'))),
    ];
    expect(modules.length).toBeGreaterThan(10);
    for (const { file, imports } of modules)
      expect(
        imports.filter((source) => source.endsWith('/contract')),
        file,
      ).toEqual([]);
  });

  it('are frozen per version: a version module imports only zod, plain data and other frozen modules', async () => {
    const frozen = (await modulesIn(path.join(storeDir, 'migrations'))).filter(
      ({ file }) => /-v\d+\.ts$/.test(file) && !file.startsWith('migrate-'),
    );
    expect(frozen.map(({ file }) => file)).toEqual(
      expect.arrayContaining([
        'briefings-v1.ts',
        'briefings-v2.ts',
        'operations-v1.ts',
        'operations-v2.ts',
        'library-parts-v1.ts',
        'article-file-v2.ts',
        'article-file-v3.ts',
      ]),
    );
    const allowed = /^(zod|\.\/[a-z-]+-v\d+|\.\.\/\.\.\/\.\.\/shared\/default-categories)$/;
    for (const { file, imports } of frozen) {
      const outside = imports.filter((source) => !allowed.test(source));
      if (file === 'operations-v1.ts') expect(outside.sort()).toEqual(['../schemas/annotation-shard']);
      else if (file === 'operations-v2.ts')
        expect(outside.sort()).toEqual(['../schemas/annotation-shard', '../schemas/library-index']);
      else expect(outside, file).toEqual([]);
    }
    // operations-v1.ts reuses the annotation file's shapes as they were when v1 was written (its
    // article records are library-v3's, frozen); a new annotation-file version must first freeze
    // them there (and this test then changes with it).
    expect(annotationShardVersion).toBe(1);
    // operations-v2.ts reuses library index version 4's article record and story the same way.
    expect(libraryIndexVersion).toBe(4);
  });

  it.each([
    ['library.json', libraryVersions],
    ['articles/<id>.json', articleVersions],
    ['annotations/<id>.json', shardVersions],
    ['briefings.json', briefingsVersions],
    ['operations.json', operationsVersions],
  ])('read every version of %s from 1 to the current one', (_name, versions) => {
    for (let version = 1; version <= versions.current; version += 1)
      expect(versions.schemaFor(version), `version ${version}`).not.toBeNull();
    expect(versions.schemaFor(versions.current + 1)).toBeNull();
  });

  it('read the cleaned article of articles/<id>.json with its frozen schema, which still matches the live one', () => {
    // The article file's current version holds the frozen schema, not the app's live one.
    expect(articleFileSchema.shape.cleaned).toBe(storedCleanedArticleV3Schema);
    expect(articleFileVersion).toBe(3);
    // Equal today. When the live schema changes, this fails: freeze a version 4 of the article file
    // (with its migration from 3) instead of letting version-3 files be read with the new schema.
    expect(z.toJSONSchema(storedCleanedArticleV3Schema)).toEqual(z.toJSONSchema(cleanedArticleSchema));
    // And the frozen copy is a real check, not the live schema under another name.
    expect(storedCleanedArticleV3Schema).not.toBe(cleanedArticleSchema);
    const live = cleanedArticleSchema.extend({ rulesVersion: z.string() });
    expect(z.toJSONSchema(storedCleanedArticleV3Schema)).not.toEqual(z.toJSONSchema(live));
    // Version 2 (frozen as it was) is version 3 without links.
    expect(z.toJSONSchema(storedCleanedArticleV2Schema)).not.toEqual(z.toJSONSchema(cleanedArticleSchema));
    expect(JSON.stringify(z.toJSONSchema(storedCleanedArticleV2Schema))).not.toContain('"links"');
  });

  it('version 3 of operations.json and of briefings.json is current', () => {
    expect(operationsVersions.current).toBe(3);
    expect(briefingsVersions.current).toBe(3);
  });
});

/** A store with an article deleted (so a briefing item is kept), then its history and briefings rewritten as v1. */
async function versionOneStore(dataDir: string) {
  const app = await dispatchApp(dataDir);
  const [article] = await app.ok('listArticles', {});
  const id = article!.id;
  const { highlight } = await app.ok('createHighlight', {
    articleId: id,
    start: 0,
    end: 12,
    categoryId: 'evidence',
  });
  const briefing = await app.ok('createBriefing', { title: 'Daily' });
  await app.ok('addToBriefing', { briefingId: briefing.id, articleId: id, highlightId: highlight.id });
  await app.ok('deleteArticle', { id });
  await app.core.close();

  const layout = storeLayout(path.join(dataDir));
  const asV1 = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, inner) => {
      // Version 1 snapshots held the excerpt, note, citation and category only.
      if (key === 'snapshot' && inner) return { ...inner, source: undefined, highlight: undefined };
      return inner;
    });
  const operations = JSON.parse(await readFile(layout.operationsFile, 'utf8'));
  expect(operations.schemaVersion).toBe(3);
  const targets = operations.undo.map((step: { target: string }) => step.target);
  expect(targets).toEqual(expect.arrayContaining(['highlight', 'briefing', 'article']));
  await writeFile(
    layout.operationsFile,
    JSON.stringify({ ...(asV1(operations) as object), schemaVersion: 1 }),
  );
  const briefings = JSON.parse(await readFile(layout.briefingsFile, 'utf8'));
  expect(briefings.schemaVersion).toBe(3);
  const v1Briefings = { ...(asV1(briefings) as object), schemaVersion: 1 };
  await writeFile(layout.briefingsFile, JSON.stringify(v1Briefings));
  return { id, highlightId: highlight.id, briefingId: briefing.id, layout };
}

describe('opening version-1 files', () => {
  it('migrates operations.json and briefings.json: the kept item shows, undo brings the article back, the next writes store the current versions', async () => {
    const dataDir = await makeTempDir();
    const { id, highlightId, briefingId, layout } = await versionOneStore(dataDir);
    expect(JSON.parse(await readFile(layout.operationsFile, 'utf8')).schemaVersion).toBe(1);

    const app = await dispatchApp(dataDir);
    expect(app.core.store!.recovery).toEqual([]);
    const kept = await app.ok('getBriefing', { id: briefingId });
    const item = kept.sections
      .flatMap((section) => section.items)
      .find((i) => i.highlightId === highlightId)!;
    expect(item).toMatchObject({ kept: true });
    expect(item.excerpt).toBeTruthy();

    const undone = await app.ok('undo', {});
    expect(undone.change).toMatchObject({ target: 'article', articleId: id });
    expect((await app.ok('listArticles', {})).some((a) => a.id === id)).toBe(true);
    await app.ok('createBriefing', { title: 'Another' });
    await app.core.close();
    expect(JSON.parse(await readFile(layout.operationsFile, 'utf8')).schemaVersion).toBe(3);
    expect(JSON.parse(await readFile(layout.briefingsFile, 'utf8')).schemaVersion).toBe(3);

    // And the migrated history still undoes after a restart: the briefing, then the highlight.
    const reopened = await dispatchApp(dataDir);
    expect((await reopened.ok('undo', {})).change).toMatchObject({ target: 'briefing' });
  });

  it('migrates a version-2 briefings.json (no “Sources compared” sections): it opens as it was, the next write stores version 3', async () => {
    const dataDir = await makeTempDir();
    const app = await dispatchApp(dataDir);
    const briefing = await app.ok('createBriefing', { title: 'Daily' });
    await app.core.close();
    const layout = storeLayout(dataDir);
    const file = JSON.parse(await readFile(layout.briefingsFile, 'utf8'));
    await writeFile(layout.briefingsFile, JSON.stringify({ ...file, schemaVersion: 2 }));

    const reopened = await dispatchApp(dataDir);
    expect(reopened.core.store!.recovery).toEqual([]);
    const read = await reopened.ok('getBriefing', { id: briefing.id });
    expect(read.sections.map((section) => section.title)).toEqual(briefing.sections.map((s) => s.title));
    await reopened.ok('updateBriefing', { id: briefing.id, audience: 'Desk' });
    await reopened.core.close();
    expect(JSON.parse(await readFile(layout.briefingsFile, 'utf8')).schemaVersion).toBe(3);
  });

  it('migrates a version-2 operations.json (no line choices): its steps still undo, the next write stores version 3', async () => {
    const dataDir = await makeTempDir();
    const app = await dispatchApp(dataDir);
    const [article] = await app.ok('listArticles', {});
    await app.ok('createStory', { name: 'Talks', articleIds: [article!.id] });
    await app.core.close();
    const layout = storeLayout(dataDir);
    const log = JSON.parse(await readFile(layout.operationsFile, 'utf8'));
    expect(log.undo.map((step: { target: string }) => step.target)).toEqual(['story']);
    await writeFile(layout.operationsFile, JSON.stringify({ ...log, schemaVersion: 2 }));

    const reopened = await dispatchApp(dataDir);
    expect(reopened.core.store!.recovery).toEqual([]);
    expect((await reopened.ok('undo', {})).change).toMatchObject({ target: 'story' });
    await reopened.core.close();
    expect(JSON.parse(await readFile(layout.operationsFile, 'utf8')).schemaVersion).toBe(3);
  });

  it('refuses a version-2 operations.json holding a line choice as damaged data, not as version 2', () => {
    const step = { id: 's1', at: '2026-11-27T12:00:00.000Z', label: 'Remove lines', articleId: 'a1' };
    const lineChoice = { ...step, target: 'line-choice', before: null, after: { restore: [], remove: [3] } };
    expect(
      operationsVersions.schemaFor(2)!.safeParse({ schemaVersion: 2, undo: [lineChoice], redo: [] }).success,
    ).toBe(false);
    expect(
      operationsVersions.schemaFor(3)!.safeParse({ schemaVersion: 3, undo: [lineChoice], redo: [] }).success,
    ).toBe(true);
  });

  it('refuses a newer briefings.json with a clear message and leaves it as it was', async () => {
    const dataDir = await makeTempDir();
    const app = await dispatchApp(dataDir);
    await app.ok('createBriefing', { title: 'Daily' });
    await app.core.close();
    const layout = storeLayout(dataDir);
    const newer = JSON.stringify({ schemaVersion: 4, briefings: [{ what: 'a shape from the future' }] });
    await writeFile(layout.briefingsFile, newer);

    await expect(open({ dir: dataDir })).rejects.toThrow(
      /briefings\.json was written by a newer version of Briefing Reader \(schema 4; this version reads up to 3\)\. Nothing was changed\./,
    );
    expect(await readFile(layout.briefingsFile, 'utf8')).toBe(newer);
  });
});

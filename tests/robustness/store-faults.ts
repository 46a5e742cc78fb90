/**
 * The store fault matrix's vocabulary: a populated store written once and
 * copied per case, the store's files, the kinds of damage, and the check that
 * nothing was silently lost.
 */
import { chmod, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { LibraryStore } from '../../src/main/store/library-store';
import { storeLayout } from '../../src/main/store/store-layout';
import { writePopulatedStore } from '../unit/store-helpers';

export interface StoreFileCase {
  name: string;
  /** The file's path inside the store. */
  file: (dir: string, articleIds: string[]) => string;
  /** How the file is named in recovery reports. */
  reported: (articleIds: string[]) => string;
  /** Found at open (else when the article is read). */
  checkedAtOpen: boolean;
}

export const storeFiles: StoreFileCase[] = [
  {
    name: 'library.json',
    file: (dir) => storeLayout(dir).libraryFile,
    reported: () => 'library.json',
    checkedAtOpen: true,
  },
  {
    name: 'annotations/<id>.json',
    file: (dir, ids) => storeLayout(dir).annotationFile(ids[0]!),
    reported: (ids) => path.join('annotations', `${ids[0]}.json`),
    checkedAtOpen: true,
  },
  {
    name: 'briefings.json',
    file: (dir) => storeLayout(dir).briefingsFile,
    reported: () => 'briefings.json',
    checkedAtOpen: true,
  },
  {
    name: 'operations.json',
    file: (dir) => storeLayout(dir).operationsFile,
    reported: () => 'operations.json',
    checkedAtOpen: true,
  },
  {
    name: 'articles/<id>.json',
    file: (dir, ids) => storeLayout(dir).articleFile(ids[0]!),
    reported: (ids) => path.join('articles', `${ids[0]}.json`),
    checkedAtOpen: false,
  },
];

export type FaultKind =
  | 'missing'
  | 'empty'
  | 'truncated'
  | 'NUL-filled'
  | 'invalid JSON'
  | 'wrong shape'
  | 'newer version'
  | 'directory'
  | 'read-only';

export const faultKinds: FaultKind[] = [
  'missing',
  'empty',
  'truncated',
  'NUL-filled',
  'invalid JSON',
  'wrong shape',
  'newer version',
  'directory',
  'read-only',
];

export async function applyFault(file: string, kind: FaultKind): Promise<void> {
  const sound = await readFile(file, 'utf8');
  const version = (JSON.parse(sound) as { schemaVersion: number }).schemaVersion;
  const damaged: Record<Exclude<FaultKind, 'missing' | 'directory' | 'read-only'>, string> = {
    empty: '',
    truncated: sound.slice(0, Math.floor(sound.length / 2)),
    'NUL-filled': '\0'.repeat(sound.length),
    'invalid JSON': '{ this is : not json ]',
    'wrong shape': JSON.stringify({ schemaVersion: version, unexpected: ['shape'] }),
    'newer version': JSON.stringify({ schemaVersion: version + 90, future: true }),
  };
  if (kind === 'missing') await rm(file);
  else if (kind === 'directory') {
    await rm(file);
    await mkdir(file);
    await writeFile(path.join(file, 'inside.txt'), 'a folder where a file belongs');
  } else if (kind === 'read-only') await chmod(file, 0o444);
  else await writeFile(file, damaged[kind]);
}

/** Writes the populated store once; `copy` gives each case its own copy. */
export async function populatedTemplate(dir: string, now: () => Date) {
  const articleIds = await writePopulatedStore(dir, now);
  return {
    articleIds,
    copy: async (target: string) => {
      await cp(dir, target, { recursive: true });
      return target;
    },
  };
}

/** Everything the populated store holds is there. */
export async function expectNothingLost(store: LibraryStore, articleIds: string[]): Promise<void> {
  expect(
    store
      .index()
      .articles.map((record) => record.id)
      .sort(),
  ).toEqual([...articleIds].sort());
  const shard = store.annotations(articleIds[0]!);
  expect(shard.highlights.map((highlight) => highlight.id)).toEqual(['h-1']);
  expect(shard.articleNote?.text).toBe('my article note');
  expect(store.briefings().briefings.map((briefing) => briefing.id)).toEqual(['b-1']);
  expect(store.operations().undo.map((operation) => operation.id)).toEqual(['op-1']);
  expect((await store.readArticle(articleIds[0]!)).rawText).toContain('Body of article 1');
}

/**
 * Search through the dispatcher on real store files (the bundled seeds): it
 * finds article text, highlights and notes; follows highlight saves, note
 * edits, title edits, deletes and their undo; and a saved index that is
 * damaged, empty, newer or from another library state is rebuilt from the store
 * with a notice, never trusted over it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { searchIndexPath } from '../../src/main/search/search-index-file';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

async function readyApp(dataDir: string) {
  const app = await dispatchApp(dataDir);
  await app.core.services!.search.idle();
  const search = async (query: string) => {
    await app.core.services!.search.idle();
    return app.ok('search', { query });
  };
  return { ...app, search };
}

/** A word of the article's text, long enough to be specific. */
async function wordOf(app: Awaited<ReturnType<typeof readyApp>>, id: string): Promise<string> {
  const text = (await app.core.store!.readArticle(id)).cleaned.text;
  return text.split(/\s+/).find((word) => /^[a-z]{9,}$/.test(word))!;
}

describe('search', () => {
  it('answers at once while its thread is still preparing the index, and from the index after', async () => {
    const app = await dispatchApp(await makeTempDir());
    const [article] = await app.ok('listArticles', {});
    const early = await app.ok('search', { query: article!.title });
    expect(early.indexing).toBe(true);
    expect(early.notices).toContain('The search index is still being prepared; some results may be missing.');
    await app.core.services!.search.idle();
    const later = await app.ok('search', { query: article!.title });
    expect(later.indexing).toBe(false);
    expect(later.results[0]?.articleId).toBe(article!.id);
    expect((await app.core.services!.search.threadMemory()).documents).toBeGreaterThan(0);
  });

  it('finds article text, a new highlight and a note, and forgets them when removed', async () => {
    const app = await readyApp(await makeTempDir());
    const [article] = await app.ok('listArticles', {});
    const word = await wordOf(app, article!.id);
    const byText = await app.search(word);
    expect(byText.results.some((r) => r.kind === 'article' && r.articleId === article!.id)).toBe(true);
    const hit = byText.results.find((r) => r.articleId === article!.id)!;
    expect(hit.at).not.toBeNull();
    const [start, end] = hit.snippet.marks[0]!;
    expect(hit.snippet.text.slice(start, end).toLowerCase()).toBe(word);

    const { highlight } = await app.ok('createHighlight', {
      articleId: article!.id,
      start: 0,
      end: 12,
      categoryId: 'evidence',
    });
    await app.ok('updateHighlight', {
      articleId: article!.id,
      highlightId: highlight.id,
      note: 'Zanzibarian security guarantées are weak',
      tags: ['Ukraine'],
    });
    const phrase = await app.search('"security guarantees" in:notes');
    expect(phrase.results).toHaveLength(1);
    expect(phrase.results[0]).toMatchObject({ kind: 'note', highlightId: highlight.id, at: 0 });
    expect((await app.search('zanzibarien tag:ukraine')).results[0]?.highlightId).toBe(highlight.id);
    expect((await app.search('zanzibarian tag:other')).results).toHaveLength(0);
    expect((await app.search('zanz category:evidence')).counts.note).toBe(1);

    await app.ok('deleteHighlight', { articleId: article!.id, highlightId: highlight.id });
    expect((await app.search('zanzibarian')).results).toHaveLength(0);
    await app.ok('undo', {});
    expect((await app.search('zanzibarian')).results).toHaveLength(1);
  });

  it('drops a deleted article and brings it back on undo', async () => {
    const app = await readyApp(await makeTempDir());
    const [article] = await app.ok('listArticles', {});
    await app.ok('setArticleNote', { articleId: article!.id, text: 'Quixotically argued piece' });
    const word = await wordOf(app, article!.id);
    await app.ok('deleteArticle', { id: article!.id });
    expect((await app.search(word)).results.some((r) => r.articleId === article!.id)).toBe(false);
    expect((await app.search('quixotically')).results).toHaveLength(0);
    await app.ok('undo', {});
    expect((await app.search(word)).results.some((r) => r.articleId === article!.id)).toBe(true);
    expect((await app.search('quixotically')).results[0]).toMatchObject({ kind: 'note', highlightId: null });
  });

  it('finds an article as soon as it is imported, and by its outlet and date once they are set', async () => {
    const app = await readyApp(await makeTempDir());
    const text = [
      'Floodgates of Przewalski',
      '',
      'The Przewalski horses were counted again this spring, and the census found the herd had grown.',
      '',
    ].join('\n');
    const [result] = await app.ok('importFiles', {
      files: [{ name: 'horses.md', bytes: new TextEncoder().encode(text) }],
    });
    expect(result?.status).toBe('imported');
    const found = await app.search('przewalski');
    expect(found.results[0]).toMatchObject({ kind: 'article', title: 'Floodgates of Przewalski' });
    expect((await app.search('census outlet:monde')).counts.article).toBe(0);
    await app.ok('updateArticleMetadata', {
      id: found.results[0]!.articleId,
      source: { outlet: 'Le Monde Diplomatique', publishedAt: '2024-05-17' },
    });
    expect((await app.search('census after:2024-05 before:2024')).counts.article).toBe(1);
    expect((await app.search('census before:2023')).counts.article).toBe(0);
    expect((await app.search('census outlet:"monde diplo"')).counts.article).toBe(1);
  });

  it('follows a title edit and caps a huge query with a notice', async () => {
    const app = await readyApp(await makeTempDir());
    const [article] = await app.ok('listArticles', {});
    await app.ok('updateArticleMetadata', { id: article!.id, title: 'Perspicacious headline' });
    expect((await app.search('perspicacious')).results[0]?.articleId).toBe(article!.id);
    const huge = await app.search(`${'(a+)+$ "'.repeat(1_500)}`);
    expect(huge.notices.join(' ')).toContain('500 characters');
  });
});

describe('the saved search index', () => {
  it('is saved on close and used again when it matches the library', async () => {
    const dataDir = await makeTempDir();
    const first = await readyApp(dataDir);
    expect(first.core.services!.search.status().origin).toBe('rebuilt');
    await first.core.close();
    const again = await readyApp(dataDir);
    expect(again.core.services!.search.status().origin).toBe('loaded');
    await again.core.close();
  });

  /** The file is a JSON header line, then the index's bytes: a change to the header keeps the bytes as they are. */
  const inHeader = (content: Buffer, change: (header: string) => string) => {
    const newline = content.indexOf(10);
    return Buffer.concat([
      Buffer.from(change(content.subarray(0, newline).toString())),
      content.subarray(newline),
    ]);
  };
  const spoilers: Array<[string, (content: Buffer) => Buffer, RegExp]> = [
    ['damaged', (content) => content.subarray(0, content.length / 2), /damaged/],
    ['empty', () => Buffer.alloc(0), /empty/],
    [
      'newer',
      (content) => inHeader(content, (header) => header.replace(/"format":\d+/, '"format":99')),
      /newer version/,
    ],
    [
      'disagreeing',
      (content) =>
        inHeader(content, (header) => header.replace(/"fingerprint":"[0-9a-f]+"/, '"fingerprint":"00"')),
      /did not match/,
    ],
  ];
  for (const [name, spoil, notice] of spoilers) {
    it(`is rebuilt from the store when ${name}, with a notice`, async () => {
      const dataDir = await makeTempDir();
      const first = await readyApp(dataDir);
      const [article] = await first.ok('listArticles', {});
      const word = await wordOf(first, article!.id);
      await first.core.close();
      const file = searchIndexPath(dataDir);
      await writeFile(file, spoil(await readFile(file)));
      const again = await readyApp(dataDir);
      expect(again.core.services!.search.status().origin).toBe('rebuilt');
      const reply = await again.search(word);
      expect(reply.notices.join(' ')).toMatch(notice);
      expect(reply.results.some((r) => r.articleId === article!.id)).toBe(true);
    });
  }

  it('is rebuilt when the library changed behind its back', async () => {
    const dataDir = await makeTempDir();
    const first = await readyApp(dataDir);
    await first.core.close();
    const second = await dispatchApp(dataDir);
    // Changed with the index never saved (as after a crash).
    await second.core.store!.updateAnnotations((await second.ok('listArticles', {}))[0]!.id, (shard) => {
      shard.articleNote = { text: 'Unsaved-index note', updatedAt: new Date().toISOString() };
    });
    await second.core.store!.close();
    const third = await readyApp(dataDir);
    expect(third.core.services!.search.status().origin).toBe('rebuilt');
    expect((await third.search('unsaved')).results).toHaveLength(1);
  });
});

/**
 * The story desk through the IPC dispatcher on real store files: the seeds'
 * story analysed (merged entities, quotes with speakers, coverage), the
 * reader's merge kept across a close and reopen, an edited article parsed
 * again, and the seeds suggested as one story.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchApp } from './dispatch-app';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();

async function seedsStory() {
  const dataDir = path.join(await makeTempDir(), 'store');
  const app = await dispatchApp(dataDir);
  const ids = (await app.ok('listArticles', {})).map((article) => article.id);
  const story = await app.ok('createStory', { name: 'US guarantees for Ukraine', articleIds: ids });
  return { ...app, dataDir, ids, story };
}

describe('story desk', () => {
  it('analyses the seeds’ story: merged entities, who said what, coverage per source', async () => {
    const { ok, ids, story } = await seedsStory();
    const view = await ok('analyzeStory', { storyId: story.id });
    expect(view.articles.map((article) => article.id)).toEqual(ids);
    const zelenskyy = view.entities.find((entity) => entity.aliases.includes('Zelensky'))!;
    expect(zelenskyy.aliases).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy']));
    expect(zelenskyy.mentions[0]!.context).toContain(zelenskyy.mentions[0]!.text);
    const macron = view.quotes.find((quote) =>
      quote.text.startsWith('When we speak about security guarantees'),
    )!;
    expect(macron.speaker).toBe('Emmanuel Macron');
    const row = view.coverage.entities.find((candidate) => candidate.entityId === zelenskyy.id)!;
    expect(row.counts.filter((count) => count > 0)).toHaveLength(4);
  }, 60_000);

  it('keeps the reader’s merge with the story across a close and reopen', async () => {
    const { ok, core, dataDir, story } = await seedsStory();
    const merged = await ok('setEntityChoices', {
      storyId: story.id,
      choices: { merges: [['Kyiv', 'Ukraine']], splits: [], renames: { Kyiv: 'Kyiv (capital)' } },
    });
    expect(merged.entities.find((entity) => entity.aliases.includes('Ukraine'))).toMatchObject({
      label: 'Kyiv (capital)',
      aliases: expect.arrayContaining(['Kiev', 'Kyiv', 'Ukraine']),
    });
    await core.close();
    const again = await dispatchApp(dataDir);
    const view = await again.ok('analyzeStory', { storyId: story.id });
    expect(view.choices.merges).toEqual([['Kyiv', 'Ukraine']]);
    expect(view.entities.find((entity) => entity.aliases.includes('Ukraine'))!.label).toBe('Kyiv (capital)');
  }, 60_000);

  it('suggests the seeds as one story, and refuses an unknown story', async () => {
    const { ok, call, ids, story } = await seedsStory();
    const suggestions = await ok('suggestStories', { articleIds: ids });
    for (const { suggestion } of suggestions) {
      expect(suggestion).toMatchObject({
        kind: 'story',
        storyId: story.id,
        storyName: 'US guarantees for Ukraine',
      });
    }
    const missing = await call('analyzeStory', { storyId: 's-missing' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 60_000);

  it('keeps the reader’s entity choices when an earlier story change is undone', async () => {
    const { ok, story } = await seedsStory();
    await ok('renameStory', { id: story.id, name: 'Guarantees' });
    const choices = { merges: [['Russia', 'Moscow']], splits: [], renames: {} };
    await ok('setEntityChoices', { storyId: story.id, choices });
    const undone = await ok('undo', {});
    expect(undone.change).toMatchObject({ target: 'story', story: { name: 'US guarantees for Ukraine' } });
    const view = await ok('analyzeStory', { storyId: story.id });
    expect(view.choices).toEqual(choices);
    expect(view.entities.find((entity) => entity.label === 'Russia')!.aliases).toContain('Moscow');
    await ok('redo', {});
    expect((await ok('analyzeStory', { storyId: story.id })).choices).toEqual(choices);
  }, 60_000);
});

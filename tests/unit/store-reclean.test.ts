/**
 * Articles cleaned by older rules are cleaned again from their unchanged raw
 * text when read, and saved; the user's title edit and source metadata survive.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cleaningRulesVersion } from '../../src/main/cleaning/rules-version';
import { storeLayout } from '../../src/main/store/store-layout';
import { sampleArticle, storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();

describe('re-cleaning', () => {
  it('re-cleans an article made by older rules, keeping the edited title and metadata, and saves it', async () => {
    const dir = await makeTempDir();
    const store = await open({ dir, backups: false });
    const article = sampleArticle(1);
    await store.addArticles([article]);
    await store.updateArticleRecord(article.record.id, (record) => {
      record.title = 'My own title';
      record.titleEdited = true;
      record.source.outlet = 'The Herald';
    });

    const file = storeLayout(dir).articleFile(article.record.id);
    const stale = JSON.parse(await readFile(file, 'utf8'));
    stale.cleaned.rulesVersion = 0;
    stale.cleaned.blocks = [];
    await writeFile(file, JSON.stringify(stale));

    const read = await store.readArticle(article.record.id);
    expect(read.cleaned.rulesVersion).toBe(cleaningRulesVersion);
    expect(read.cleaned.blocks.length).toBeGreaterThan(0);
    expect(read.rawText).toBe(article.rawText);
    expect(read.record).toMatchObject({
      title: 'My own title',
      titleEdited: true,
      source: { outlet: 'The Herald' },
    });
    expect(JSON.parse(await readFile(file, 'utf8')).cleaned.rulesVersion).toBe(cleaningRulesVersion);
    expect(store.index().articles[0]).toMatchObject({ title: 'My own title' });
  });
});

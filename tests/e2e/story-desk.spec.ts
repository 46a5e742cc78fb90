/**
 * The story desk on the seeds' story, in the real app: entities merged across
 * spellings, a merge the app did not make done by hand and kept after a
 * restart, a quote turned into a highlight by one keystroke, the coverage
 * matrix (with screenshots of each tab), and "Sources compared" added to a
 * briefing, copied whole (read back from the page's copy event) and exported
 * (the Markdown file's tables checked, and opened by pandoc).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from './harness/fixtures';
import type { BriefingApp } from './pages/briefing-app';

const run = promisify(execFile);

/** Calls the app's own HTTP API from the page (browser mode), as the renderer does. */
function apiCall(app: BriefingApp, channel: string, payload: unknown): Promise<unknown> {
  return app.page.evaluate(
    async ([channel, payload]) => {
      const response = await fetch('/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ channel, payload }),
      });
      const envelope = (await response.json()) as { ok: boolean; value: unknown };
      if (!envelope.ok) throw new Error(`${channel as string} failed`);
      return envelope.value;
    },
    [channel, payload] as const,
  );
}

/** Makes the seeds one story (the story UI belongs to the library). */
async function makeSeedsStory(app: BriefingApp): Promise<string> {
  const articles = (await apiCall(app, 'library:list', {})) as { id: string }[];
  const story = (await apiCall(app, 'story:create', {
    name: 'US guarantees for Ukraine',
    articleIds: articles.map((a) => a.id),
  })) as { id: string };
  return story.id;
}

test('the seeds’ story: entities, a hand merge kept, a quote highlighted, the coverage matrix, Sources compared exported', async ({
  app,
  mode,
}, testInfo) => {
  test.skip(mode !== 'chromium', 'the story is made through browser mode’s HTTP API');
  test.setTimeout(240_000);
  await expect(app.page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await makeSeedsStory(app);
  const page = app.page;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Story desk' }).click();
  const desk = page.getByRole('region', { name: 'Story desk' });
  const zelenskyy = desk.getByRole('button', { name: /^Volodymyr Zelenskyy person/ });
  await expect(zelenskyy).toBeVisible({ timeout: 60_000 });
  await zelenskyy.click();
  await expect(desk.getByText('Also written:')).toContainText('Zelenskiy');
  await expect(desk.getByText('Also written:')).toContainText('Zelensky');
  await app.screenshot('story-desk-entities');

  // Moscow stands for Russia's government here: merge it by hand.
  await desk.getByRole('button', { name: /^Moscow place/ }).click();
  await desk.getByLabel('Merge Moscow with').selectOption({ label: 'Russia' });
  await desk.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(desk.getByRole('button', { name: /^Moscow place/ })).toHaveCount(0);
  await desk.getByRole('button', { name: /^Russia place/ }).click();
  await expect(desk.getByText('Also written:')).toContainText('Moscow');

  await desk.getByRole('tab', { name: 'Who said what' }).click();
  const macron = desk.getByRole('row', { name: /whole security of the European continent/ });
  await expect(macron).toContainText('Emmanuel Macron');
  await macron.focus();
  await page.keyboard.press('h');
  await expect(page.getByText('Quote by Emmanuel Macron highlighted.')).toBeVisible();
  await app.screenshot('story-desk-quotes');

  await desk.getByRole('tab', { name: 'Coverage' }).click();
  await expect(desk.getByRole('rowheader', { name: 'Donald Trump' })).toBeVisible();
  await app.screenshot('story-desk-coverage');

  // "Sources compared" goes into a briefing (a new one: there is none yet) and is exported.
  await desk.getByRole('button', { name: 'Add “Sources compared” to briefing' }).click();
  await expect(page.getByText(/“Sources compared” added to the briefing/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Briefings' }).click();
  const editor = page.getByRole('article', { name: 'Briefing editor' });
  const compared = editor.getByRole('region', { name: 'Sources compared: US guarantees for Ukraine' });
  await expect(compared.getByRole('table', { name: 'Who said what' })).toContainText('Emmanuel Macron');
  await expect(compared.getByRole('table', { name: 'Coverage: mentions per source' })).toContainText(
    'Russia',
  );
  await compared.getByRole('table', { name: 'Coverage: mentions per source' }).scrollIntoViewIfNeeded();
  await app.screenshot('briefing-sources-compared');

  // Copying the section copies its tables and the sources they cite, not just its heading.
  await page.evaluate(() => {
    window.addEventListener('copy', (event) => {
      (window as unknown as { copied: unknown }).copied = {
        html: event.clipboardData?.getData('text/html'),
        text: event.clipboardData?.getData('text/plain'),
      };
    });
  });
  await compared
    .getByRole('button', { name: 'Copy: section “Sources compared: US guarantees for Ukraine”' })
    .click();
  const copied = () =>
    page.evaluate(() => (window as unknown as { copied?: { html: string; text: string } }).copied);
  // The copy event lands after the click resolves: wait for it.
  await expect.poll(async () => (await copied())?.text).toMatch(/^## Sources compared: US guarantees/);
  const clip = (await copied())!;
  expect(clip.text).toMatch(/^\| Emmanuel Macron \| “[^|]*whole security of the European continent/m);
  expect(clip.text).toMatch(/^\| Russia \(place\) \|/m);
  expect(clip.text).toMatch(/\*\*Sources\*\*\n\n1\. /);
  expect(clip.html).toContain('<caption>Coverage: mentions per source</caption>');
  expect(clip.html).toContain('<caption>Who said what</caption>');
  const outDir = path.resolve('test-results/exports', testInfo.project.name);
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, 'sources-compared.md');
  // A file left by an earlier run would be merged into, not replaced.
  await rm(target, { force: true });
  await app.chooseSavePaths([target]);
  await editor
    .getByRole('group', { name: 'Export' })
    .getByRole('button', { name: 'Markdown', exact: true })
    .click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved to' })).toContainText(target, {
    timeout: 30_000,
  });
  const markdown = await readFile(target, 'utf8');
  expect(markdown).toContain('## Sources compared: US guarantees for Ukraine');
  // The matrix: one column per source, headed by its number in the source list; Moscow merged into Russia.
  const matrixHead = markdown.split('\n').find((line) => line.startsWith('| Named |'))!;
  expect(matrixHead.match(/\[\d\]/g)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
  expect(markdown).toMatch(/^\| Russia \(place\) \|/m);
  expect(markdown).not.toMatch(/^\| Moscow /m);
  // Who said what: Macron's quote with the sources reporting it, cited by number.
  expect(markdown).toMatch(
    /^\| Emmanuel Macron \| “[^|]*whole security of the European continent[^|]*” \| \[\d\]/m,
  );
  expect(markdown.match(/^\d\. /gm)).toHaveLength(5);
  // Opened by pandoc, as a reader's tool would: both tables are real tables, Macron's row cites a source.
  const { stdout: asHtml } = await run('pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none', target]);
  expect(asHtml.match(/<table>/g)).toHaveLength(2);
  expect(asHtml).toMatch(
    /<td>Emmanuel Macron<\/td>\s*<td>“[^<]*whole security of the European continent[^<]*”<\/td>\s*<td>\[\d\]/,
  );

  // The highlight is in its article, in the Quote category, with the speaker in the note.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Highlights' }).click();
  await expect(page.getByRole('button', { name: 'Quote 1' })).toBeVisible();
  const { rows: highlights } = (await apiCall(app, 'highlights:list', {
    categoryId: null,
    tag: null,
    storyId: null,
    text: '',
    offset: 0,
    limit: 100,
  })) as { rows: { highlight: { categoryId: string; note: string; quote: string } }[] };
  expect(highlights.map(({ highlight }) => [highlight.categoryId, highlight.note])).toEqual([
    ['quote', 'Speaker: Emmanuel Macron'],
  ]);

  // The hand merge is kept with the story.
  await app.restart();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Story desk' }).click();
  await expect(desk.getByRole('button', { name: /^Russia place/ })).toBeVisible({ timeout: 60_000 });
  await expect(desk.getByRole('button', { name: /^Moscow place/ })).toHaveCount(0);

  // A mention opens its article scrolled to the passage.
  await desk.getByRole('button', { name: /^Russia place/ }).click();
  const mention = desk.getByRole('button', { name: /Moscow/ }).first();
  await expect(mention).toBeVisible();
  await mention.click();
  const passage = page.locator('.body [data-block]', { hasText: 'Moscow' }).first();
  await expect(passage).toBeInViewport();
  await app.screenshot('story-desk-passage');
});

test('an imported article on the same story is suggested for it, and accepting files it', async ({
  app,
  mode,
  profileDir,
}) => {
  test.skip(mode !== 'chromium', 'the story is made through browser mode’s HTTP API');
  test.setTimeout(120_000);
  await expect(app.page.getByRole('heading', { name: 'Library' })).toBeVisible();
  const storyId = await makeSeedsStory(app);
  // Another outlet's copy of seed 002, edited (so it is a new article, not a duplicate).
  const copy = path.join(profileDir, 'wire-copy.txt');
  const seed = await readFile('seeds/002_fcb9d55784e1e080.txt', 'utf8');
  await writeFile(copy, `${seed.replace('Trump Pledges', 'Trump Promises')}\nReporting by the wire desk.\n`);
  await app.importThroughMenu([copy]);
  const suggestions = app.page.getByRole('region', { name: 'Story suggestions' });
  await expect(suggestions).toContainText('fits “US guarantees for Ukraine”', { timeout: 60_000 });
  await app.screenshot('story-suggestions');
  await suggestions.getByRole('button', { name: 'Accept' }).click();
  await expect(app.page.getByText('Added to “US guarantees for Ukraine”.')).toBeVisible();
  const stories = (await apiCall(app, 'stories:list', {})) as { id: string; articleIds: string[] }[];
  expect(stories.find((story) => story.id === storyId)!.articleIds).toHaveLength(6);
});

test('a new story’s reply does not open it when the reader has moved on before it came', async ({
  app,
  mode,
}) => {
  test.skip(mode !== 'chromium', 'the reply is held back on browser mode’s HTTP API');
  const { page } = app;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api', async (route) => {
    const body = route.request().postDataJSON() as { channel?: string } | null;
    if (body?.channel === 'story:create') await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'New story…' }).click();
  await page.getByLabel('New story name').fill('Held back');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: /^All articles/ }).click();
  release();
  const created = page.getByRole('button', { name: /^Held back/ });
  await expect(created).toBeVisible();
  await expect(created).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: /^All articles/ })).toHaveAttribute('aria-pressed', 'true');
});

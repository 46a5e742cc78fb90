/**
 * The story desk's thread: parses and story analyses identical to the
 * in-process functions on the seeds; a 100,000-word article parsed while the
 * store answers reads on time (the parse runs on another thread, so the main
 * thread's event loop is never held); a crashed thread and a job past its time
 * answer "not available" and the next job works on a fresh thread; the desk
 * shows such an article as not available and does not parse it again.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeStory, extractArticle } from '../../src/main/story/analyze-story';
import { storyDeskView } from '../../src/main/story/story-desk-view';
import { createStoryDeskService } from '../../src/main/story/story-desk-service';
import { StoryThread } from '../../src/main/story/story-thread';
import type { StoryArticle } from '../../src/main/story/story-types';
import { dispatchApp } from './dispatch-app';
import { seedArticles } from './story-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const threads: StoryThread[] = [];
afterEach(() => threads.splice(0).forEach((thread) => thread.stop()));
const startThread = (...args: ConstructorParameters<typeof StoryThread>) => {
  const thread = new StoryThread(...args);
  threads.push(thread);
  return thread;
};

/** The seeds' bodies over and over, in paragraphs, up to `words` words: names and quotes all through. */
function longText(words: number): string {
  const paragraphs = seedArticles().flatMap((article) => article.text.split(/\n\n+/));
  const kept: string[] = [];
  for (let count = 0, at = 0; count < words; at += 1) {
    const paragraph = paragraphs[at % paragraphs.length]!;
    kept.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return kept.join('\n\n');
}

const article = (title: string, text: string): StoryArticle => ({ id: title, source: title, title, text });

describe('story desk thread', () => {
  it('parses and analyses the seeds exactly as the in-process functions do', async () => {
    const thread = startThread();
    const seeds = seedArticles();
    const extractions = [];
    for (const seed of seeds) {
      const outcome = await thread.run({ type: 'extract', article: seed });
      expect(outcome).toEqual({ ok: true, value: extractArticle(seed) });
      if (outcome.ok) extractions.push(outcome.value);
    }
    const choices = { merges: [['Kyiv', 'Ukraine']], splits: [], renames: { Kyiv: 'Kyiv (capital)' } };
    const analysed = await thread.run({
      type: 'analyze',
      storyId: 's-1',
      articles: seeds,
      extractions,
      choices,
    });
    const texts = new Map(seeds.map((seed) => [seed.id, seed.text]));
    const inProcess = storyDeskView('s-1', analyzeStory(seeds, extractions, choices), texts, choices);
    expect(analysed).toEqual({ ok: true, value: inProcess });
    expect(inProcess.quotes.length).toBeGreaterThan(10);
  }, 120_000);

  it('lets the store answer reads while it parses a 100,000-word article', async () => {
    const app = await dispatchApp(path.join(await makeTempDir(), 'store'));
    const [seed] = await app.ok('listArticles', {});
    const thread = startThread();
    const long = article('long', longText(100_000));

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let parsing = true;
    const parse = thread.run({ type: 'extract', article: long }).finally(() => (parsing = false));
    const readTimes: number[] = [];
    while (parsing) {
      const at = performance.now();
      const read = await app.ok('getArticle', { id: seed!.id });
      readTimes.push(performance.now() - at);
      expect(read.id).toBe(seed!.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const parsed = await parse;
    delay.disable();

    expect(parsed.ok && parsed.value.mentions.length).toBeGreaterThan(500);
    // The parser held its thread for a while (over a second here, less on a faster machine); the main thread
    // kept answering reads all along.
    expect(readTimes.length).toBeGreaterThan(5);
    expect(Math.max(...readTimes)).toBeLessThan(1_000);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 180_000);

  it('answers "not available" when its thread crashes, and the next job runs on a fresh thread', async () => {
    const crashing = path.resolve('tests/unit/fixtures/story-worker-crashing.mjs');
    const thread = startThread({}, crashing);
    const crashed = await thread.run({ type: 'extract', article: article('crash', 'Anything at all.') });
    expect(crashed).toEqual({ ok: false, reason: 'the parser stopped (exit code 70)' });
    const next = article('next', '“We will hold the line,” Alice Whitmore said in Paris on Monday.');
    expect(await thread.run({ type: 'extract', article: next })).toEqual({
      ok: true,
      value: extractArticle(next),
    });
    expect(thread.started).toBe(2);
  }, 120_000);

  it('ends a job past its time with "not available", and the next job works', async () => {
    // A thread held in an endless loop (the fixture's "stuck" article): a real parse's length depends on the machine.
    const thread = startThread(
      { jobTimeoutMs: 1_000 },
      path.resolve('tests/unit/fixtures/story-worker-crashing.mjs'),
    );
    expect(await thread.run({ type: 'extract', article: article('stuck', 'Anything at all.') })).toEqual({
      ok: false,
      reason: 'it took longer than 1 s',
    });
    const next = await thread.run({
      type: 'extract',
      article: article('short', 'Bob Jones flew to Berlin.'),
    });
    expect(next).toEqual({ ok: true, value: extractArticle(article('short', 'Bob Jones flew to Berlin.')) });
    expect(thread.started).toBe(2);
  }, 120_000);

  it('shows an article its thread could not parse as not available, and does not parse it again', async () => {
    const app = await dispatchApp(path.join(await makeTempDir(), 'store'));
    const ids = (await app.ok('listArticles', {})).map((each) => each.id);
    await app.ok('updateArticleMetadata', { id: ids[1]!, title: 'crash' });
    const story = await app.ok('createStory', { name: 'Seeds', articleIds: ids });
    const thread = startThread({}, path.resolve('tests/unit/fixtures/story-worker-crashing.mjs'));
    const desk = createStoryDeskService(app.core.services!.store, thread);
    const view = await desk.analyze(story.id);
    expect(view.articles.map((each) => each.unavailable)).toEqual([
      null,
      'Names and quotes are not available for this article: the parser stopped (exit code 70).',
      null,
      null,
      null,
    ]);
    expect(view.entities.some((entity) => entity.mentions.some((m) => m.articleId === ids[1]))).toBe(false);
    expect(view.quotes.length).toBeGreaterThan(5);
    const started = thread.started;
    await desk.analyze(story.id);
    expect(thread.started).toBe(started);
  }, 120_000);
});

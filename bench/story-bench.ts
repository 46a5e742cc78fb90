/**
 * The story desk's speed: entity and quote extraction per 1,000 words (and one
 * 100,000-word article), a story suggestion for one new article against a
 * 10,000-article library, and the coverage matrix (the story-wide analysis, with
 * each article's parse cached as the app caches it) for a 20-article story.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { cleanArticle } from '../src/main/cleaning/clean-article';
import { analyzeStory, extractArticle } from '../src/main/story/analyze-story';
import { StoryIndex } from '../src/main/story/story-index';
import { StoryThread } from '../src/main/story/story-thread';
import type { StoryArticle } from '../src/main/story/story-types';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { percentile, round } from './stats';
import { seedNamesForBench } from './story-scoring';

/** The first `count` words of a text, in paragraphs of 150 words. */
function longText(source: string, count: number): string {
  const words = source.split(/\s+/).slice(0, count);
  const paragraphs: string[] = [];
  for (let at = 0; at < words.length; at += 150) paragraphs.push(words.slice(at, at + 150).join(' '));
  return paragraphs.join('\n\n');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export async function runStoryBench(
  log: (line: string) => void,
  libraryArticles = 10_000,
): Promise<Record<string, number>> {
  const paragraphs = await brownParagraphs();
  const seeds: StoryArticle[] = seedNamesForBench.map((name) => {
    const cleaned = cleanArticle(readFileSync(`seeds/${name}.txt`, 'utf8'));
    return { id: name, source: name, title: cleaned.title, text: cleaned.text };
  });
  const brown: StoryArticle[] = makeArticles(paragraphs, 40).map((text, index) => ({
    id: `b${index}`,
    source: `Outlet ${index}`,
    title: `Report ${index}`,
    text,
  }));

  // Extraction per 1,000 words: the parse, then the story-wide steps for the article alone.
  const sample = [...seeds, ...brown.slice(0, 15)];
  extractArticle(sample[0]!); // load the parser's lexicon once
  let words = 0;
  const started = performance.now();
  for (const article of sample) {
    words += wordCount(article.text);
    analyzeStory([article], [extractArticle(article)]);
  }
  const perThousand = ((performance.now() - started) / words) * 1000;
  log(
    `entities and quotes: ${round(perThousand, 1)} ms per 1,000 words (${words} words, ${sample.length} articles)`,
  );

  const long: StoryArticle = {
    id: 'long',
    source: 'Long',
    title: 'Long',
    text: longText(makeArticles(paragraphs, 1_200).join(' '), 100_000),
  };
  const longStarted = performance.now();
  analyzeStory([long], [extractArticle(long)]);
  const longMs = performance.now() - longStarted;
  log(`one 100,000-word article: ${round(longMs / 1000, 1)} s (in this thread, straight through)`);

  // The same article through the story desk's thread, as the app runs it: the main thread's longest stall.
  const thread = new StoryThread();
  await thread.run({ type: 'extract', article: sample[0]! }); // start the thread
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const threadStarted = performance.now();
  const parsed = await thread.run({ type: 'extract', article: long });
  if (!parsed.ok) throw new Error(`the story thread failed: ${parsed.reason}`);
  await thread.run({
    type: 'analyze',
    storyId: 'long',
    articles: [long],
    extractions: [parsed.value],
    choices: { merges: [], splits: [], renames: {} },
  });
  const threadMs = performance.now() - threadStarted;
  delay.disable();
  thread.stop();
  const stallMs = delay.max / 1e6;
  log(
    `the same on the story desk's thread: ${round(threadMs / 1000, 1)} s; main thread's longest stall meanwhile ${round(stallMs, 1)} ms`,
  );

  // Suggestion against the library.
  const library = makeArticles(paragraphs, libraryArticles);
  const index = new StoryIndex();
  const buildStarted = performance.now();
  library.forEach((text, number) => index.add(`l${number}`, text, `story-${Math.floor(number / 5)}`));
  const buildMs = performance.now() - buildStarted;
  const suggestTimes: number[] = [];
  for (const article of [...seeds, ...brown.slice(20, 35)]) {
    const at = performance.now();
    index.suggest(article.text);
    suggestTimes.push(performance.now() - at);
  }
  log(
    `suggestion against ${libraryArticles} articles: p50 ${round(percentile(suggestTimes, 50), 1)} ms, p95 ${round(percentile(suggestTimes, 95), 1)} ms (index built in ${round(buildMs)} ms)`,
  );

  // Coverage matrix for 20 articles, parses cached.
  const story = [...seeds, ...brown.slice(0, 15)];
  const extractions = story.map(extractArticle);
  const coverageTimes: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const at = performance.now();
    analyzeStory(story, extractions);
    coverageTimes.push(performance.now() - at);
  }
  log(
    `coverage matrix, 20-article story: p50 ${round(percentile(coverageTimes, 50))} ms, p95 ${round(percentile(coverageTimes, 95))} ms`,
  );

  return {
    story_extraction_ms_per_1000_words: round(perThousand, 1),
    story_extraction_s_100k_words: round(longMs / 1000, 1),
    story_thread_s_100k_words: round(threadMs / 1000, 1),
    story_main_thread_max_stall_ms_100k_words: round(stallMs, 1),
    story_suggest_p95_ms_10k: round(percentile(suggestTimes, 95), 1),
    story_coverage_p95_ms_20_articles: round(percentile(coverageTimes, 95), 1),
  };
}

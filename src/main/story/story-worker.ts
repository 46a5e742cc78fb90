/**
 * The story desk's own thread: parses one article at a time (names with
 * `compromise`, the language check) and runs the story-wide analysis (names
 * propagated and merged, who said what, shared sentences, the coverage
 * matrix), so the parser's seconds on a long or hostile article never hold up
 * the main thread's reading and saving. It holds no state between jobs; the
 * main thread (story-thread.ts) caches the parses, bounds each job's time and
 * the thread's memory, and starts a fresh thread when one is ended.
 */
import { parentPort } from 'node:worker_threads';
import type { StoryDeskView } from '../../shared/story-desk-contract';
import { analyzeStory, extractArticle, type ArticleExtraction } from './analyze-story';
import type { EntityChoices } from './merge-entities';
import { storyDeskView } from './story-desk-view';
import type { StoryArticle } from './story-types';

export type StoryJob =
  | { type: 'extract'; article: StoryArticle }
  | {
      type: 'analyze';
      storyId: string;
      articles: StoryArticle[];
      extractions: ArticleExtraction[];
      choices: EntityChoices;
    };

/** What each job answers. */
export interface StoryJobValue {
  extract: ArticleExtraction;
  analyze: StoryDeskView;
}

export type StoryThreadReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function handle(job: StoryJob): ArticleExtraction | StoryDeskView {
  if (job.type === 'extract') return extractArticle(job.article);
  const analysis = analyzeStory(job.articles, job.extractions, job.choices);
  const texts = new Map(job.articles.map((article) => [article.id, article.text]));
  return storyDeskView(job.storyId, analysis, texts, job.choices);
}

const port = parentPort;
if (!port) throw new Error('story-worker.ts runs only as a worker thread');
port.on('message', ({ id, job }: { id: number; job: StoryJob }) => {
  try {
    port.postMessage({ id, ok: true, value: handle(job) } satisfies StoryThreadReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id, ok: false, error: message.slice(0, 300) } satisfies StoryThreadReply);
  }
});
// The parser's first use loads its lexicon: done here, so a job's time counts from 'ready' without it.
extractArticle({ id: 'warm-up', source: '', title: '', text: '“We are ready,” Anna Smith said in Paris.' });
port.postMessage('ready');

/**
 * The story desk over the library: a story's analysis from its articles'
 * cleaned bodies, the reader's entity choices kept with the story, and story
 * suggestions for imported articles.
 *
 * The parsing and the story-wide analysis run on the story desk's own thread
 * (story-thread.ts), one job at a time, bounded in time and memory, so a
 * 100,000-word or hostile article never holds up reading or saving; an article
 * the thread could not parse is shown as "not available" with the reason. Each
 * article's parse is cached by its cleaned text and cleaning-rules version (an
 * edited or re-cleaned article is parsed again). The suggestion index is built
 * on first use and kept in step with the library.
 */
import { createHash } from 'node:crypto';
import { AppFailure } from '../../shared/api-error';
import type { StoryDeskView, StorySuggestionView } from '../../shared/story-desk-contract';
import type { LibraryStore } from '../store/library-store';
import type { ArticleExtraction } from './analyze-story';
import { noChoices, type EntityChoices } from './merge-entities';
import { StoryIndex } from './story-index';
import { StoryThread } from './story-thread';
import type { StoryArticle } from './story-types';

interface CachedExtraction {
  key: string;
  extraction: ArticleExtraction;
}

const keyOf = (text: string, rulesVersion: number) =>
  `${rulesVersion}:${createHash('sha1').update(text).digest('hex')}`;

/** An article the thread could not parse: no names or quotes, and why. */
const notAvailable = (reason: string): ArticleExtraction => ({
  language: { english: false, reason: `Names and quotes are not available for this article: ${reason}.` },
  mentions: [],
});

export function createStoryDeskService(store: LibraryStore, thread = new StoryThread()) {
  const cache = new Map<string, CachedExtraction>();
  let index: { library: StoryIndex; indexed: Map<string, string> } | null = null;

  function story(storyId: string) {
    const found = store.index().stories.find((candidate) => candidate.id === storyId);
    if (!found) throw new AppFailure('not-found', 'That story no longer exists.');
    return found;
  }

  async function articleOf(id: string): Promise<{ article: StoryArticle; rulesVersion: number }> {
    const record = store.index().articles.find((candidate) => candidate.id === id)!;
    const { cleaned } = await store.readArticle(id);
    return {
      article: { id, source: record.source.outlet ?? record.title, title: record.title, text: cleaned.text },
      rulesVersion: cleaned.rulesVersion,
    };
  }

  async function extraction(article: StoryArticle, rulesVersion: number): Promise<ArticleExtraction> {
    const key = keyOf(article.text, rulesVersion);
    const cached = cache.get(article.id);
    if (cached?.key === key) return cached.extraction;
    // A failure is kept too: the same text would run out of time or memory again.
    const outcome = await thread.run({ type: 'extract', article });
    const result = outcome.ok ? outcome.value : notAvailable(outcome.reason);
    cache.set(article.id, { key, extraction: result });
    return result;
  }

  function choicesOf(storyId: string): EntityChoices {
    return store.index().stories.find((candidate) => candidate.id === storyId)?.entityChoices ?? noChoices;
  }

  async function analyze(storyId: string): Promise<StoryDeskView> {
    const present = new Set(store.index().articles.map((record) => record.id));
    const ids = story(storyId).articleIds.filter((id) => present.has(id));
    const articles: StoryArticle[] = [];
    const extractions: ArticleExtraction[] = [];
    for (const id of ids) {
      const { article, rulesVersion } = await articleOf(id);
      articles.push(article);
      extractions.push(await extraction(article, rulesVersion));
    }
    const choices = choicesOf(storyId);
    const outcome = await thread.run({ type: 'analyze', storyId, articles, extractions, choices });
    if (outcome.ok) return outcome.value;
    return unavailableView(storyId, articles, choices, `the comparison could not be made: ${outcome.reason}`);
  }

  /** The suggestion index, brought in step with the library's articles and stories. */
  async function suggestionIndex(): Promise<StoryIndex> {
    index ??= { library: new StoryIndex(), indexed: new Map() };
    const { library, indexed } = index;
    const storyOf = new Map<string, string>();
    for (const each of store.index().stories)
      for (const id of each.articleIds) if (!storyOf.has(id)) storyOf.set(id, each.id);
    const present = new Set<string>();
    for (const record of store.index().articles) {
      present.add(record.id);
      if (indexed.get(record.id) !== record.contentKey) {
        const { cleaned } = await store.readArticle(record.id);
        library.add(record.id, cleaned.text, storyOf.get(record.id) ?? null);
        indexed.set(record.id, record.contentKey);
      } else library.setStory(record.id, storyOf.get(record.id) ?? null);
    }
    for (const id of indexed.keys()) {
      if (!present.has(id)) {
        library.remove(id);
        indexed.delete(id);
      }
    }
    return library;
  }

  return {
    analyze,
    /** Ends the story desk's thread (the app closing). */
    stop: () => thread.stop(),

    async setEntityChoices(storyId: string, choices: EntityChoices): Promise<StoryDeskView> {
      story(storyId);
      await store.updateIndex((draft) => {
        const target = draft.stories.find((candidate) => candidate.id === storyId);
        if (target) target.entityChoices = choices;
      });
      return analyze(storyId);
    },

    /** For each article: the story it fits best, or a new story with the unfiled articles like it. */
    async suggest(articleIds: readonly string[]): Promise<StorySuggestionView[]> {
      const library = await suggestionIndex();
      const names = new Map(store.index().stories.map((each) => [each.id, each.name]));
      const inStory = new Set(store.index().stories.flatMap((each) => each.articleIds));
      const replies: StorySuggestionView[] = [];
      for (const articleId of articleIds) {
        const { cleaned } = await store.readArticle(articleId);
        const suggestion = library.suggest(cleaned.text, articleId);
        replies.push({
          articleId,
          suggestion:
            suggestion.kind === 'story'
              ? { ...suggestion, storyName: names.get(suggestion.storyId) ?? '' }
              : { ...suggestion, articleIds: suggestion.articleIds.filter((id) => !inStory.has(id)) },
        });
      }
      return replies;
    },
  };
}
/** The desk when the story-wide analysis failed: its sources, each saying why nothing is shown. */
function unavailableView(
  storyId: string,
  articles: StoryArticle[],
  choices: EntityChoices,
  reason: string,
): StoryDeskView {
  const articleIds = articles.map((article) => article.id);
  return {
    storyId,
    articles: articles.map(({ id, source, title }) => ({
      id,
      source,
      title,
      unavailable: `Not available: ${reason}.`,
    })),
    entities: [],
    quotes: [],
    shared: [],
    coverage: {
      articleIds,
      entities: [],
      quotes: [],
      shared: [],
      singleSourceCounts: articleIds.map(() => 0),
    },
    choices,
  };
}

export type StoryDeskService = ReturnType<typeof createStoryDeskService>;

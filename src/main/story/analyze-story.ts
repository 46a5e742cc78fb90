/**
 * The story desk's analysis of one story: entities with their mentions per
 * source, who said what, shared and single-source sentences, and the coverage
 * matrix over them. Per-article work (the parser, the language check) is done
 * by `extractArticle` and can be cached by the caller; what is left here is
 * story-wide and fast (propagating names, merging, quotes, near duplicates).
 */
import { findMentions } from './find-mentions';
import { findQuotes } from './find-quotes';
import { groupQuotes, type QuoteGroup } from './group-quotes';
import { judgeLanguage } from './language';
import { mergeEntities, noChoices, type EntityChoices } from './merge-entities';
import { formsToFind, propagateNames } from './propagate-names';
import { findSharedSentences, type Sentence, type SharedSentence } from './shared-sentences';
import type { Entity, LanguageVerdict, Mention, Quote, StoryArticle } from './story-types';

/** What one article yields on its own (cache it per article text and cleaning-rules version). */
export interface ArticleExtraction {
  language: LanguageVerdict;
  mentions: Mention[];
}

export function extractArticle(article: StoryArticle): ArticleExtraction {
  const language = judgeLanguage(article.text);
  return { language, mentions: language.english ? findMentions(article.id, article.text) : [] };
}

export interface CoverageMatrix {
  articleIds: string[];
  /** Mentions per article, per entity (rows in the entities' order). */
  entities: { entityId: string; counts: number[] }[];
  /** Which articles report each quote group. */
  quotes: { quoteId: string; reported: boolean[] }[];
  /** Which articles carry each shared sentence. */
  shared: { index: number; carried: boolean[] }[];
  /** Sentences found in that article only. */
  singleSourceCounts: number[];
}

export interface StoryAnalysis {
  articles: { id: string; source: string; title: string; language: LanguageVerdict }[];
  entities: Entity[];
  quotes: QuoteGroup[];
  shared: SharedSentence[];
  singleSource: Sentence[];
  coverage: CoverageMatrix;
}

function coverageOf(
  articleIds: string[],
  entities: Entity[],
  quotes: QuoteGroup[],
  shared: SharedSentence[],
  singleSource: Sentence[],
): CoverageMatrix {
  const column = new Map(articleIds.map((id, index) => [id, index]));
  return {
    articleIds,
    entities: entities.map((entity) => {
      const counts = articleIds.map(() => 0);
      for (const mention of entity.mentions) counts[column.get(mention.articleId)!]! += 1;
      return { entityId: entity.id, counts };
    }),
    quotes: quotes.map((group) => ({
      quoteId: group.id,
      reported: articleIds.map((id) => group.reports.some((quote) => quote.articleId === id)),
    })),
    shared: shared.map((group, index) => ({
      index,
      carried: articleIds.map((id) => group.versions.some((sentence) => sentence.articleId === id)),
    })),
    singleSourceCounts: articleIds.map(
      (id) => singleSource.filter((sentence) => sentence.articleId === id).length,
    ),
  };
}

/** The story-wide steps over the articles' cached parses (run on the story desk's thread). */
export function analyzeStory(
  articles: StoryArticle[],
  extractions: ArticleExtraction[],
  choices: EntityChoices = noChoices,
): StoryAnalysis {
  const forms = formsToFind(extractions.flatMap((extraction) => extraction.mentions));
  const mentionsByArticle: Mention[][] = [];
  for (const [index, article] of articles.entries()) {
    const { language, mentions } = extractions[index]!;
    mentionsByArticle.push(language.english ? propagateNames(article.id, article.text, mentions, forms) : []);
  }
  const entities = mergeEntities(mentionsByArticle.flat(), choices);
  const entityOf = new Map<Mention, string>();
  for (const entity of entities) for (const mention of entity.mentions) entityOf.set(mention, entity.id);
  const quotes: Quote[] = [];
  for (const [index, article] of articles.entries()) {
    if (!extractions[index]!.language.english) continue;
    for (const { quote, speaker } of findQuotes(article.id, article.text, mentionsByArticle[index]!)) {
      quotes.push({ ...quote, speakerId: speaker === null ? null : (entityOf.get(speaker) ?? null) });
    }
  }
  const groups = groupQuotes(quotes);
  const { shared, singleSource } = findSharedSentences(articles);
  const articleIds = articles.map((article) => article.id);
  return {
    articles: articles.map((article, index) => ({
      id: article.id,
      source: article.source,
      title: article.title,
      language: extractions[index]!.language,
    })),
    entities,
    quotes: groups,
    shared,
    singleSource,
    coverage: coverageOf(articleIds, entities, groups, shared, singleSource),
  };
}

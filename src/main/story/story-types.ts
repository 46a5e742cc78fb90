/**
 * The shapes the story desk's extractors produce. Offsets are UTF-16 indexes
 * into an article's cleaned body text (`CleanedArticle.text`); the service
 * converts them to code points where it hands passages to the renderer.
 */

/** One article of a story, as the extractors see it: the cleaned body only. */
export interface StoryArticle {
  id: string;
  /** The outlet or site name shown in tables; falls back to the title. */
  source: string;
  title: string;
  text: string;
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface Mention {
  articleId: string;
  start: number;
  end: number;
  /** The words as written, titles and possessives included. */
  text: string;
  /** The bare name: titles, possessive endings and punctuation taken off. */
  name: string;
  kind: EntityKind;
}

export interface Entity {
  id: string;
  /** The name shown: the longest full form, or the reader's own choice. */
  label: string;
  kind: EntityKind;
  /** The distinct bare names merged into this entity. */
  aliases: string[];
  mentions: Mention[];
}

export interface Quote {
  articleId: string;
  /** The quoted words, without the quotation marks (paragraphs joined by a space). */
  text: string;
  /** Offsets of the quoted words in the article text (from the first word to the last). */
  start: number;
  end: number;
  /** The speaker as written near the quote ("he", "Trump", "said X"), or null. */
  speakerText: string | null;
  /** The merged entity the speaker resolves to, or null when unknown. */
  speakerId: string | null;
}

/** The language verdict: extraction of names and quotes is English-only. */
export interface LanguageVerdict {
  english: boolean;
  /** Why names and quotes are not available, when they are not. */
  reason: string | null;
}

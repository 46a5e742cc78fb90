/**
 * What a click on a story-desk passage does (an entity's mention, a quote's
 * report, a cell of the coverage matrix): opens its article scrolled to the
 * passage, its words marked, as a search result in the text opens.
 */
import { tick } from 'svelte';
import type { AppState } from '../state/app-state.svelte';
import { clearPassage, showPassage } from './search-passage';

export interface Passage {
  articleId: string;
  /** Code-point offsets in the article's cleaned text. */
  start: number;
  end: number;
}

/** The words to mark: the passage, or its opening words when it is long (it may run over paragraphs). */
function wordsToMark(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 80) return line;
  const head = line.slice(0, 80);
  const lastSpace = head.lastIndexOf(' ');
  return lastSpace > 0 ? head.slice(0, lastSpace) : head;
}

export async function openPassage(app: AppState, passage: Passage, text: string): Promise<void> {
  clearPassage();
  await app.openArticle(passage.articleId);
  const article = app.reader.article;
  if (article?.id !== passage.articleId) return;
  await tick();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  showPassage(article.blocks, passage.start, [wordsToMark(text)]);
}

/**
 * What Enter on a search result does: opens its article, at the highlight (the
 * reader scrolls to it, as for a briefing excerpt) or, for a match in the text,
 * at the passage with the matched words marked.
 */
import { tick } from 'svelte';
import type { SearchResultView } from '../../../shared/contract';
import type { AppState } from '../state/app-state.svelte';
import { revealElement } from './reveal-element';
import { clearPassage, markedWords, showPassage } from './search-passage';

export async function openSearchResult(app: AppState, result: SearchResultView): Promise<void> {
  clearPassage();
  await app.openArticle(result.articleId, result.highlightId);
  const article = app.reader.article;
  if (article?.id !== result.articleId) return;
  await tick();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  if (result.highlightId !== null) {
    // The reader jumps to its initial highlight; make sure it lands even if that was cut short.
    const mark = document.querySelector(`.body [data-highlight-ids~="${CSS.escape(result.highlightId)}"]`);
    if (mark) await revealElement(mark, { block: 'center' });
  } else if (result.at !== null) showPassage(article.blocks, result.at, markedWords(result));
}

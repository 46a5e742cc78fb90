/**
 * Annotation benchmarks (issue "Highlighting and personal notes"):
 * - re-anchoring 1,000 highlights on a 100,000-word article after its text
 *   changed (a paragraph inserted at the top, edits scattered through it);
 * - the round trip from a highlight request (through the IPC dispatcher) to
 *   its durable save, in an article that already has 1,000 highlights;
 * - the same for a note save (the annotation file and the undo history written
 *   durably), and the main thread's own work per note save.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeRange } from '../src/main/anchoring/describe-range';
import { TextIndex } from '../src/main/anchoring/text-index';
import { reanchorHighlights } from '../src/main/annotations/reanchor-highlights';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { channels } from '../src/shared/channels';
import { openLibraryStore } from '../src/main/store/library-store';
import type { Highlight } from '../src/main/store/schemas/annotation-shard';
import { brownParagraphs } from './brown-corpus';
import { percentile, round } from './stats';
import { dispatchForStore } from './dispatch-for-store';

export function longArticle(paragraphs: string[], words: number): string {
  const body: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    body.push(paragraph);
    count += paragraph.split(' ').length;
  }
  return `A Very Long Report on Everything\n\n${body.join('\n\n')}\n`;
}

export function highlightsOn(index: TextIndex, count: number): Highlight[] {
  const highlights: Highlight[] = [];
  const words = [...index.text.matchAll(/\S+/g)];
  for (let n = 0; highlights.length < count; n += 1) {
    const first = words[Math.floor(((n * 7919) % words.length) * 0.999)]!;
    const last = words[Math.min(words.length - 1, words.indexOf(first) + 3 + (n % 9))]!;
    const start = index.toCodePoint(first.index);
    const end = index.toCodePoint(last.index + last[0].length);
    const selectors = describeRange(index, start, end);
    if (!selectors) continue;
    highlights.push({
      id: `h-${n}`,
      categoryId: 'evidence',
      ...selectors,
      rulesVersion: 1,
      note: '',
      tags: [],
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      orphaned: false,
    });
  }
  return highlights;
}

/** The text after an edit: a paragraph added at the top and a word changed in every fiftieth paragraph. */
function editedText(text: string): string {
  const parts = text.split('\n\n');
  const edited = parts.map((part, i) => (i > 0 && i % 50 === 0 ? part.replace(/\bthe\b/, 'this') : part));
  return ['Editor’s note: this report was updated with new figures from the ministry.', ...edited].join(
    '\n\n',
  );
}

export async function runAnnotationBench(
  workDir: string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const paragraphs = await brownParagraphs();
  const raw = longArticle(paragraphs, 100_000);
  const article = articleFromPlainText(raw, { sourceFile: 'long.txt', addedAt: new Date().toISOString() });
  const index = new TextIndex(article.cleaned.text);
  const highlights = highlightsOn(index, 1000);
  const words = article.record.wordCount;

  log(`re-anchoring 1,000 highlights on a ${words.toLocaleString('en')}-word article…`);
  const changed = new TextIndex(editedText(article.cleaned.text));
  const timings: number[] = [];
  let outcome = { moved: 0, orphaned: 0 };
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const result = reanchorHighlights(highlights, changed, 1);
    timings.push(performance.now() - start);
    outcome = {
      moved: result.highlights.filter((h, i) => h.position.start !== highlights[i]!.position.start).length,
      orphaned: result.highlights.filter((h) => h.orphaned).length,
    };
  }

  log('measuring the highlight round trip with 1,000 highlights in the article…');
  const store = await openLibraryStore({ dir: path.join(workDir, 'annotation-store') });
  await store.addArticles([article]);
  await store.updateAnnotations(article.record.id, (shard) => void shard.highlights.push(...highlights));
  await store.flush();
  const dispatch = dispatchForStore(store);
  await dispatch(channels.getArticle, { id: article.record.id });
  const roundTrips: number[] = [];
  let lastHighlightId = '';
  const textWords = [...index.text.matchAll(/(?<!\S)\S+\s+\S+\s+\S+/g)];
  for (let n = 0; n < 300; n += 1) {
    const match = textWords[(n * 104729) % textWords.length]!;
    const start = index.toCodePoint(match.index);
    const begin = performance.now();
    const reply = await dispatch(channels.createHighlight, {
      articleId: article.record.id,
      start,
      end: start + [...match[0]].length,
      categoryId: 'key-judgment',
    });
    roundTrips.push(performance.now() - begin);
    if (!reply.ok) throw new Error(`createHighlight failed: ${reply.error.message}`);
    lastHighlightId = (reply.value as { highlight: { id: string } }).highlight.id;
  }

  log('measuring note saves on one of the 1,300 highlights (a full undo history)…');
  const noteSaves: number[] = [];
  const busyBefore = performance.eventLoopUtilization();
  let note = '';
  for (let n = 0; n < 200; n += 1) {
    note += ` note ${n}`;
    const begin = performance.now();
    const reply = await dispatch(channels.updateHighlight, {
      articleId: article.record.id,
      highlightId: lastHighlightId,
      note,
    });
    noteSaves.push(performance.now() - begin);
    if (!reply.ok) throw new Error(`updateHighlight failed: ${reply.error.message}`);
  }
  // The main thread's own work per save (validation, serialising, handing the writes to the disk),
  // apart from the time it waits for the disk.
  const busy = performance.eventLoopUtilization(busyBefore);
  await store.close();

  return {
    reanchor_article_words: words,
    reanchor_highlights: highlights.length,
    reanchor_1000_ms: round(percentile(timings, 50), 1),
    reanchor_moved_count: outcome.moved,
    reanchor_orphaned_count: outcome.orphaned,
    highlight_roundtrip_p50_ms: round(percentile(roundTrips, 50)),
    highlight_roundtrip_p95_ms: round(percentile(roundTrips, 95)),
    note_save_roundtrip_p50_ms: round(percentile(noteSaves, 50), 1),
    note_save_roundtrip_p95_ms: round(percentile(noteSaves, 95), 1),
    note_save_main_thread_ms: round(busy.active / noteSaves.length, 2),
  };
}

/**
 * Export benchmarks (issue "Compose a briefing … and export it"): the time to
 * export a briefing of 500 highlights from 50 articles to each format. PDF is
 * printed by Chromium (Debian's, through Playwright), as the app prints it.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { printWithPlaywright } from '../scripts/print-pdf';
import { TextIndex } from '../src/main/anchoring/text-index';
import { describeRange } from '../src/main/anchoring/describe-range';
import { articleFromPlainText } from '../src/main/articles/article-from-text';
import { createAppServices } from '../src/main/app-services';
import { exportBriefing } from '../src/main/briefings/export-briefing';
import type { ExportFormat } from '../src/main/briefings/export-formats';
import { openLibraryStore } from '../src/main/store/library-store';
import type { Highlight } from '../src/main/store/schemas/annotation-shard';
import { brownParagraphs, makeArticles } from './brown-corpus';
import { round } from './stats';

const categories = ['key-judgment', 'evidence', 'counterpoint', 'question', 'quote'];

export async function runExportBench(
  workDir: string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  log('building a briefing of 500 highlights from 50 articles…');
  const store = await openLibraryStore({ dir: path.join(workDir, 'export-store'), backups: false });
  const texts = makeArticles(await brownParagraphs(), 50);
  const articles = texts.map((text, n) =>
    articleFromPlainText(text, { sourceFile: `a${n}.txt`, addedAt: new Date().toISOString() }),
  );
  await store.addArticles(articles);
  for (const [n, article] of articles.entries()) {
    await store.updateArticleRecord(article.record.id, (record) => {
      record.source = {
        outlet: `Outlet ${n % 7}`,
        author: `Writer ${n}`,
        publishedAt: '2026-10-01',
        url: `https://example.org/${n}`,
      };
    });
  }
  const items: { articleId: string; highlightId: string }[] = [];
  for (const article of articles) {
    const index = new TextIndex(article.cleaned.text);
    const words = [...index.text.matchAll(/(?<!\S)\S+(?:\s+\S+){5}/g)];
    const highlights: Highlight[] = [];
    for (let k = 0; k < 10; k += 1) {
      const match = words[Math.floor((k * words.length) / 10)]!;
      const start = index.toCodePoint(match.index);
      const selectors = describeRange(index, start, start + [...match[0]].length)!;
      const id = `h-${article.record.id}-${k}`;
      highlights.push({
        id,
        categoryId: categories[k % 5]!,
        ...selectors,
        rulesVersion: 1,
        note: k % 2 ? `Why passage ${k} matters.` : '',
        tags: k % 3 ? [] : ['bench'],
        createdAt: 'x',
        updatedAt: 'x',
        orphaned: false,
      });
      items.push({ articleId: article.record.id, highlightId: id });
    }
    await store.updateAnnotations(article.record.id, (shard) => void shard.highlights.push(...highlights));
  }
  const { briefings } = createAppServices(store);
  let briefing = await briefings.create('Benchmark briefing');
  for (const item of items)
    ({ briefing } = await briefings.addHighlight(briefing.id, item.articleId, item.highlightId));

  const browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext();
  const printToPdf = (html: string, pageSize: 'A4' | 'Letter') =>
    printWithPlaywright(context, html, pageSize);

  const figures: Record<string, number> = {
    export_highlights: items.length,
    export_articles: articles.length,
  };
  try {
    for (const format of ['md', 'html', 'json', 'docx', 'pdf'] as ExportFormat[]) {
      log(`exporting ${format}…`);
      const started = performance.now();
      const result = await exportBriefing(store, briefing, {
        format,
        target: path.join(workDir, `bench-export.${format}`),
        printToPdf,
      });
      figures[`export_${format}_ms`] = round(performance.now() - started, 0);
      figures[`export_${format}_kb`] = round(result.bytes / 1024, 0);
    }
  } finally {
    await browser.close();
    await store.close();
  }
  return figures;
}

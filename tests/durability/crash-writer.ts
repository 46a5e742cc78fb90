/**
 * The child process of the crash-injection test: opens the store with the real
 * store module and writes highlights and article notes as fast as it can, in
 * small concurrent bursts to one article at a time, printing one line for each write the store reported
 * as saved. The parent kills it with SIGKILL at a random moment.
 *
 * Each burst also changes the library index (a title, the stories) and every few an
 * article is imported, with the index journal folded into library.json after
 * every few records and after every backup (every 20 ms), so kills land in
 * appends, in compactions and between them.
 *
 * Lines: `highlight <articleId> <highlightId>`, `note <articleId> <run> <n>`,
 * `article <articleId>`, `title <articleId> <run> <n>` and `story <run> <n>`.
 */
import { writeSync } from 'node:fs';
import { openLibraryStore } from '../../src/main/store/library-store';
import { journalPolicy } from '../../src/main/store/index-journal';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import type { Highlight } from '../../src/main/store/schemas/annotation-shard';

const [dir, runText] = process.argv.slice(2);
if (!dir || !runText) throw new Error('usage: crash-writer DIR RUN');
const run = Number(runText);
const articles = ['a-alpha', 'a-beta', 'a-gamma'];

function report(line: string): void {
  writeSync(1, `${line}\n`);
}

function highlight(id: string, n: number): Highlight {
  const exact = `passage ${n} of run ${run}`;
  return {
    id,
    categoryId: 'evidence',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'p', suffix: 's' },
    position: { type: 'TextPositionSelector', start: n, end: n + exact.length },
    rulesVersion: 1,
    note: `note ${n}`.repeat(1 + (n % 5)),
    tags: [`run-${run}`],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    orphaned: false,
  };
}

journalPolicy.maxRecords = 6;
journalPolicy.idleMs = 15;
const article = (n: number) =>
  articleFromPlainText(`Run ${run} headline ${n}\n\nThe body of article ${n} of run ${run}.`, {
    sourceFile: `run-${run}-${n}.txt`,
    addedAt: new Date().toISOString(),
  });

const store = await openLibraryStore({ dir, backupIntervalMs: 20 });
if (store.index().articles.length === 0) {
  const first = [article(-1), article(-2), article(-3)];
  await store.addArticles(first);
  for (const added of first) report(`article ${added.record.id}`);
}
const recordIds = store
  .index()
  .articles.slice(0, 3)
  .map((record) => record.id);
report('opened');
// Each burst of four writes goes to one article, so the later three coalesce behind the first.
for (let n = 0; ; n += 4) {
  const articleId = articles[(n / 4) % articles.length]!;
  const recordId = recordIds[(n / 4) % recordIds.length]!;
  await Promise.all([
    store
      .updateArticleRecord(recordId, (record) => void (record.title = `${run} ${n}`))
      .then(() => report(`title ${recordId} ${run} ${n}`)),
    store
      .updateIndex((index) => {
        index.stories = [{ id: 's-crash', name: `${run} ${n}`, createdAt: 'then', articleIds: [recordId] }];
      })
      .then(() => report(`story ${run} ${n}`)),
    ...(n % 32 === 0
      ? [
          (async () => {
            const imported = article(n);
            await store.addArticles([imported]);
            report(`article ${imported.record.id}`);
          })(),
        ]
      : []),
    ...[n, n + 1, n + 2, n + 3].map(async (k) => {
      if (k % 4 === 3) {
        await store.updateAnnotations(articleId, (shard) => {
          shard.articleNote = { text: `${run} ${k}`, updatedAt: new Date().toISOString() };
        });
        report(`note ${articleId} ${run} ${k}`);
      } else {
        const id = `h-${run}-${k}`;
        await store.updateAnnotations(articleId, (shard) => {
          shard.highlights.push(highlight(id, k));
        });
        report(`highlight ${articleId} ${id}`);
      }
    }),
  ]);
}

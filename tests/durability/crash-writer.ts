/**
 * The child process of the crash-injection test: opens the store with the real
 * store module and writes highlights and article notes as fast as it can, in
 * small concurrent bursts to one article at a time, printing one line for each write the store reported
 * as saved. The parent kills it with SIGKILL at a random moment.
 *
 * Lines: `highlight <articleId> <highlightId>` and `note <articleId> <run> <n>`.
 */
import { writeSync } from 'node:fs';
import { openLibraryStore } from '../../src/main/store/library-store';
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

const store = await openLibraryStore({ dir, backupIntervalMs: 20 });
report('opened');
// Each burst of four writes goes to one article, so the later three coalesce behind the first.
for (let n = 0; ; n += 4) {
  const articleId = articles[(n / 4) % articles.length]!;
  await Promise.all(
    [n, n + 1, n + 2, n + 3].map(async (k) => {
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
  );
}

/**
 * `briefing inspect FILE…`: runs the same import checks and cleaning the app
 * uses on each file and describes the structured article as JSON: title (and
 * whether derived), dek, blocks with kinds, removed lines with kinds and line
 * numbers, comments, flags. A file that the app would reject is reported with
 * the same reason. Conversion runs in the import worker, bounded as in the app.
 */
import type { ArticleFile } from '../store/schemas/article-file';
import { convertInWorker } from '../importing/conversion-worker';
import { parsePrepared } from '../importing/import-input';
import { readImportFile } from '../importing/read-import-file';

export async function inspectFile(file: string): Promise<Record<string, unknown>> {
  const read = await readImportFile(file);
  if (!read.ok) return { file, status: 'rejected', reason: read.reason };
  const { name, bytes } = read;
  const converted = await convertInWorker({ name, bytes, kind: 'file' }, new Date().toISOString());
  if (!converted.ok) return { file, status: 'rejected', reason: converted.reason };
  return {
    file,
    status: 'ok',
    format: converted.format,
    encoding: converted.encoding,
    ...describeArticle(parsePrepared(converted.prepared)),
  };
}

/** The structured article as `inspect` and `import --json` print it. */
export function describeArticle({ cleaned, record }: ArticleFile): Record<string, unknown> {
  return {
    title: cleaned.title,
    titleDerived: cleaned.titleDerived,
    dek: cleaned.dek?.text ?? null,
    rulesVersion: cleaned.rulesVersion,
    blocks: cleaned.blocks.map((block) => {
      if (block.kind === 'list') {
        return {
          kind: 'list',
          ordered: block.ordered,
          lines: block.lines,
          items: block.items.map(({ marker, text }) => ({ marker, text })),
        };
      }
      if (block.kind === 'break') return { kind: 'break', lines: block.lines };
      return { kind: block.kind, lines: block.lines, text: block.text };
    }),
    removed: cleaned.removed,
    comments: cleaned.comments,
    flags: cleaned.flags.map(({ kind, excerpt, explanation }) => ({ kind, excerpt, explanation })),
    source: record.source,
  };
}

/**
 * `briefing inspect FILE…`: runs the same import checks and cleaning the app
 * uses on each file and describes the structured article as JSON: title (and
 * whether derived), dek, blocks with kinds, removed lines with kinds and line
 * numbers, comments, flags. A file that the app would reject is reported with
 * the same reason.
 */
import { cleanArticle } from '../cleaning/clean-article';
import { prepareImport } from '../importing/prepare-import';
import { readImportFile } from '../importing/read-import-file';
import { sourceToLines } from '../importing/source-format';

export async function inspectFile(file: string): Promise<Record<string, unknown>> {
  const read = await readImportFile(file);
  if (!read.ok) return { file, status: 'rejected', reason: read.reason };
  const { name, bytes } = read;
  const prepared = await prepareImport(name, bytes);
  if (!prepared.ok) return { file, status: 'rejected', reason: prepared.reason };
  const cleaned = cleanArticle(await sourceToLines(prepared.raw, prepared.format));
  return {
    file,
    status: 'ok',
    format: prepared.format,
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
    source: prepared.source,
  };
}

/**
 * `briefing inspect FILE…`: runs the same import checks and cleaning the app
 * uses on each file and describes the structured article as JSON: title (and
 * whether derived), dek, blocks with kinds, removed lines with kinds and line
 * numbers, comments, flags. A file that the app would reject is reported with
 * the same reason; a file that fails is reported as rejected with why, and
 * the other files are still inspected.
 */
import { readImportFile } from '../importing/read-import-file';
import { cleanFile } from './clean-file';

export async function inspectFile(file: string): Promise<Record<string, unknown>> {
  const read = await readImportFile(file);
  if (!read.ok) return { file, status: 'rejected', reason: read.reason };
  const result = await cleanFile(read.name, read.bytes);
  if (result.status !== 'ok') return { file, status: 'rejected', reason: result.reason };
  const { prepared, cleaned } = result;
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

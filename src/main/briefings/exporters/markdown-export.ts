/**
 * The briefing as CommonMark with YAML front matter (title, author, date,
 * audience, sources). Excerpts are block quotes (one quoted paragraph per
 * paragraph of the article) ending with their citation `[n]` and a stable
 * block id (`^hl-…`) that note-taking vaults link to; notes and the bottom line
 * are the user's Markdown, made safe by markdown-note.ts; everything else is
 * escaped text. The briefing sits between two marker lines; re-exporting to the
 * same file replaces only what is between them and the app's keys of the front
 * matter, keeping anything the user wrote around it and any front-matter key
 * they added (Obsidian's `tags`, `aliases`…), in the file's own line ends.
 */
import {
  citationParts,
  damagedMark,
  sectionShows,
  type BriefingDocument,
  type DocumentComparison,
  type DocumentSource,
} from '../briefing-document';
import { comparisonTables, type ComparisonCell, type ComparisonTable } from './comparison-tables';
import { noteForMarkdownExport } from './markdown-note';

const begin = (id: string) => `<!-- briefing-reader:begin ${id} -->`;
const end = (id: string) => `<!-- briefing-reader:end ${id} -->`;

/** Escapes characters that Markdown (and Obsidian's `==` highlights and `%%` comments) would read as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]<>#|~!&])/g, '\\$1')
    .replace(/={2,}|%{2,}/g, (run) => run.replace(/[=%]/g, '\\$&'))
    .replace(/^([ \t]*)(\d+)([.)])/gm, '$1$2\\$3')
    .replace(/^([ \t]*)([-+=])([ \t]|$)/gm, '$1\\$2$3');
}

/** Plain text (commentary) as Markdown: escaped, blank lines part paragraphs, single newlines are hard breaks. */
function plainMarkdown(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').map(escapeMarkdown).join('\\\n'))
    .join('\n\n');
}

/** A code span holding `text` whatever backticks it contains. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * YAML double-quoted scalars accept JSON strings; `<` is written as `\u003c` so
 * the app's markers never appear in the front matter.
 */
const yaml = (value: string | number | boolean | null) =>
  value === null ? 'null' : JSON.stringify(value).replace(/</g, '\\u003c');

const ownKeys = new Set(['title', 'author', 'date', 'audience', 'briefing-reader-id', 'sources']);

function frontMatter(document: BriefingDocument, keptEntries: string[] = []): string {
  const { briefing, sources } = document;
  const lines = [
    '---',
    `title: ${yaml(briefing.title)}`,
    `author: ${yaml(briefing.author)}`,
    `date: ${yaml(briefing.date)}`,
    `audience: ${yaml(briefing.audience)}`,
    `briefing-reader-id: ${yaml(briefing.id)}`,
    sources.length ? 'sources:' : 'sources: []',
    ...sources.flatMap((source) => [
      `  - number: ${source.number}`,
      `    title: ${yaml(source.title)}`,
      `    outlet: ${yaml(source.outlet)}`,
      `    author: ${yaml(source.author)}`,
      `    date: ${yaml(source.publishedAt)}`,
      `    url: ${yaml(source.url)}`,
      `    damaged: ${yaml(source.damaged)}`,
    ]),
    ...keptEntries,
    '---',
  ];
  return lines.join('\n');
}

/**
 * The top-level entries of a front matter block the app does not own, verbatim:
 * an entry is a `key:` line at column 0 and the indented, list or blank lines after it.
 */
function userEntries(block: string): string[] {
  const entries: { key: string; lines: string[] }[] = [];
  for (const line of block.split('\n')) {
    const key = /^([^\s#-][^:]*):/.exec(line);
    if (key) entries.push({ key: key[1]!.trim().replace(/^["']|["']$/g, ''), lines: [line] });
    else if (entries.length) entries[entries.length - 1]!.lines.push(line);
  }
  return entries.filter((entry) => !ownKeys.has(entry.key)).map((entry) => entry.lines.join('\n').trimEnd());
}

export function sourceLine(source: DocumentSource): string {
  const parts = citationParts(source).map((part) => (part.url ? `<${part.url}>` : escapeMarkdown(part.text)));
  return `${source.number}. ${parts.join(', ')}${source.damaged ? ` — *${damagedMark}*` : ''}`;
}

const tableCell = (cell: ComparisonCell) =>
  [escapeMarkdown(cell.text.replace(/\s+/g, ' ')), ...cell.cite.map((n) => `[${n}]`)]
    .filter(Boolean)
    .join(' ');

/** A pipe table (GFM, pandoc), its caption as a bold line above it; counts right-aligned. */
function pipeTable(table: ComparisonTable, counts: boolean): string[] {
  const row = (cells: ComparisonCell[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  return [
    `**${escapeMarkdown(table.caption)}**`,
    '',
    row(table.head),
    `|${table.head.map((_, index) => (counts && index > 0 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map(row),
    '',
  ];
}

export function comparisonMarkdown(comparison: DocumentComparison): string[] {
  const { intro, matrix, quotes } = comparisonTables(comparison);
  return [
    escapeMarkdown(intro),
    '',
    ...pipeTable(matrix, true),
    ...(quotes.rows.length
      ? pipeTable(quotes, false)
      : ['No direct quotations were found in these sources.', '']),
  ];
}

function body(document: BriefingDocument): string {
  const { briefing, sections, sources } = document;
  const out: string[] = [begin(briefing.id), '', `# ${escapeMarkdown(briefing.title)}`, ''];
  const meta = [
    briefing.author && `**Author:** ${escapeMarkdown(briefing.author)}`,
    briefing.date && `**Date:** ${escapeMarkdown(briefing.date)}`,
    briefing.audience && `**Audience / handling:** ${escapeMarkdown(briefing.audience)}`,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join('  \n'), '');
  if (briefing.bluf.trim())
    out.push('## Bottom line up front', '', noteForMarkdownExport(briefing.bluf, 'bluf'), '');
  for (const section of sections) {
    if (!sectionShows(section)) continue;
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    if (section.comparison) out.push(...comparisonMarkdown(section.comparison));
    for (const item of section.items) {
      const paragraphs = item.excerpt
        .trim()
        .split(/\n+/)
        .map((paragraph) => `> ${escapeMarkdown(paragraph.trim())}`);
      paragraphs[paragraphs.length - 1] += ` [${item.source.number}] ^${item.blockId}`;
      out.push(paragraphs.join('\n>\n'), '');
      if (item.commentary.trim()) out.push(plainMarkdown(item.commentary), '');
      if (item.note.trim()) out.push('**Note:**', '', noteForMarkdownExport(item.note, item.noteKey), '');
      if (item.tags.length) out.push(`Tags: ${item.tags.map(codeSpan).join(', ')}`, '');
    }
  }
  if (sources.length) out.push('## Sources', '', ...sources.map(sourceLine), '');
  out.push(end(briefing.id));
  return out.join('\n');
}

export function briefingToMarkdown(document: BriefingDocument): string {
  return `${frontMatter(document)}\n\n${body(document)}\n`;
}

const lineOf = (marker: string) =>
  new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm');

/** Merges a fresh export into an existing file, keeping the user's text outside the app's region. */
export function mergeMarkdownExport(existing: string | null, document: BriefingDocument): string {
  const id = document.briefing.id;
  if (!existing) return briefingToMarkdown(document);
  const crlf = existing.includes('\r\n');
  const text = existing.replace(/\r\n/g, '\n');
  const startAt = text.search(lineOf(begin(id)));
  const endMatch = startAt < 0 ? null : lineOf(end(id)).exec(text.slice(startAt));
  let merged: string;
  if (startAt < 0 || !endMatch) merged = `${text.trimEnd()}\n\n${body(document)}\n`;
  else {
    let before = text.slice(0, startAt);
    const after = text.slice(startAt + endMatch.index + endMatch[0].length);
    const close = before.startsWith('---\n') ? before.indexOf('\n---\n', 3) : -1;
    const block = close < 0 ? '' : before.slice(4, close + 1);
    if (/^briefing-reader-id: /m.test(block))
      before = `${frontMatter(document, userEntries(block))}\n${before.slice(close + 5)}`;
    merged = `${before}${body(document)}${after}`;
  }
  return crlf ? merged.replace(/\n/g, '\r\n') : merged;
}

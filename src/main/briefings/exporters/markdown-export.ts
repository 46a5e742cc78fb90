/**
 * The briefing as CommonMark with YAML front matter (title, author, date,
 * audience, sources). Excerpts are block quotes ending with their citation and
 * a stable block id (`^hl-…`) that note-taking vaults link to. The briefing
 * sits between two marker comments; re-exporting to the same file replaces
 * only what is between them (and the app's front matter), keeping anything the
 * user wrote around it.
 */
import { citation, type BriefingDocument } from '../briefing-document';

const begin = (id: string) => `<!-- briefing-reader:begin ${id} -->`;
const end = (id: string) => `<!-- briefing-reader:end ${id} -->`;

/** Escapes characters that Markdown would read as markup, so an excerpt stays the words it quotes. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]<>#|~!])/g, '\\$1')
    .replace(/^([ \t]*)(\d+)\./gm, '$1$2\\.')
    .replace(/^([ \t]*)([-+])(\s)/gm, '$1\\$2$3');
}

/** YAML double-quoted scalars are JSON strings. */
const yaml = (value: string | number | boolean | null) => (value === null ? 'null' : JSON.stringify(value));

function frontMatter(document: BriefingDocument): string {
  const { briefing, sources } = document;
  const lines = [
    '---',
    `title: ${yaml(briefing.title)}`,
    `author: ${yaml(briefing.author)}`,
    `date: ${yaml(briefing.date)}`,
    `audience: ${yaml(briefing.audience)}`,
    `briefing-reader-id: ${yaml(briefing.id)}`,
    'sources:',
    ...sources.flatMap((source) => [
      `  - number: ${source.number}`,
      `    title: ${yaml(source.title)}`,
      `    outlet: ${yaml(source.outlet)}`,
      `    author: ${yaml(source.author)}`,
      `    date: ${yaml(source.publishedAt)}`,
      `    url: ${yaml(source.url)}`,
      `    damaged: ${yaml(source.damaged)}`,
    ]),
    '---',
  ];
  return lines.join('\n');
}

function body(document: BriefingDocument): string {
  const { briefing, sections, sources } = document;
  const out: string[] = [begin(briefing.id), '', `# ${escapeMarkdown(briefing.title)}`, ''];
  const meta = [
    briefing.author && `**Author:** ${escapeMarkdown(briefing.author)}`,
    briefing.date && `**Date:** ${briefing.date}`,
    briefing.audience && `**Audience / handling:** ${escapeMarkdown(briefing.audience)}`,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join('  \n'), '');
  if (briefing.bluf.trim()) out.push('## Bottom line up front', '', briefing.bluf.trim(), '');
  for (const section of sections) {
    if (section.items.length === 0) continue;
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const item of section.items) {
      const quoted = escapeMarkdown(item.excerpt)
        .split(/\n+/)
        .map((line) => `> ${line}`);
      quoted[quoted.length - 1] += ` [${item.source.number}] ^${item.blockId}`;
      out.push(...quoted, '');
      if (item.commentary.trim()) out.push(item.commentary.trim(), '');
      if (item.note.trim()) out.push(`*Note:* ${item.note.trim()}`, '');
      if (item.tags.length)
        out.push(`Tags: ${item.tags.map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(', ')}`, '');
    }
  }
  if (sources.length) {
    out.push('## Sources', '');
    for (const source of sources) {
      out.push(
        `${source.number}. ${escapeMarkdown(citation(source))}${source.damaged ? ' — *the source text is damaged in places*' : ''}`,
      );
    }
    out.push('');
  }
  out.push(end(briefing.id));
  return out.join('\n');
}

export function briefingToMarkdown(document: BriefingDocument): string {
  return `${frontMatter(document)}\n\n${body(document)}\n`;
}

/** Merges a fresh export into an existing file, keeping the user's text outside the app's region. */
export function mergeMarkdownExport(existing: string | null, document: BriefingDocument): string {
  const id = document.briefing.id;
  const fresh = briefingToMarkdown(document);
  if (!existing) return fresh;
  const startAt = existing.indexOf(begin(id));
  const endMarker = end(id);
  const endAt = existing.indexOf(endMarker, startAt);
  if (startAt < 0 || endAt < 0) return `${existing.trimEnd()}\n\n${body(document)}\n`;
  let before = existing.slice(0, startAt);
  const after = existing.slice(endAt + endMarker.length);
  const ours = /^---\n[\s\S]*?\nbriefing-reader-id: .*\n[\s\S]*?\n---\n/;
  if (ours.test(before)) before = before.replace(ours, `${frontMatter(document)}\n`);
  return `${before}${body(document)}${after}`;
}

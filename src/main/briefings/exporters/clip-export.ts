/**
 * One item or one section of a briefing as a clip to paste into e-mail or
 * chat: rich text (HTML, the same markup as the HTML export, the citation
 * written out under each excerpt since the source list does not travel with
 * it) and Markdown (the same escaping as the Markdown export). A "Sources
 * compared" section brings its tables, as exported, and the sources their
 * `[n]` cite. The renderer puts both on the clipboard, as `text/html` and
 * `text/plain`.
 */
import { AppFailure } from '../../../shared/api-error';
import {
  citationParts,
  damagedMark,
  type BriefingDocument,
  type DocumentComparison,
  type DocumentItem,
  type DocumentSource,
} from '../briefing-document';
import { escapeHtml, noteToHtml, plainParagraphs } from '../note-markdown';
import { comparisonHtml, sourceAnchor } from './html-export';
import { comparisonMarkdown, escapeMarkdown, sourceLine } from './markdown-export';
import { noteForMarkdownExport } from './markdown-note';

export interface Clip {
  html: string;
  markdown: string;
}

function citationHtml(source: DocumentSource): string {
  const parts = citationParts(source).map((part) =>
    part.url ? `<a href="${escapeHtml(part.url)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text),
  );
  return `<cite>${parts.join(', ')}</cite>${source.damaged ? ` (${damagedMark})` : ''}`;
}

function citationMarkdown(source: DocumentSource): string {
  const parts = citationParts(source).map((part) => (part.url ? `<${part.url}>` : escapeMarkdown(part.text)));
  return `— ${parts.join(', ')}${source.damaged ? ` (*${damagedMark}*)` : ''}`;
}

const paragraphsOf = (text: string) =>
  text
    .trim()
    .split(/\n+/)
    .map((paragraph) => paragraph.trim());

function itemClip(item: DocumentItem): Clip {
  const quote = paragraphsOf(item.excerpt);
  const html = [
    `<blockquote dir="auto">${quote.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p>— ${citationHtml(item.source)}</p></blockquote>`,
    item.commentary.trim() ? `<div dir="auto">${plainParagraphs(item.commentary)}</div>` : '',
    item.note.trim() ? `<div dir="auto">${noteToHtml(item.note, item.noteKey).html}</div>` : '',
  ].join('');
  const markdown = [
    [...quote.map((p) => `> ${escapeMarkdown(p)}`), `> ${citationMarkdown(item.source)}`].join('\n>\n'),
    item.commentary.trim() ? paragraphsOf(item.commentary).map(escapeMarkdown).join('\n\n') : '',
    item.note.trim() ? noteForMarkdownExport(item.note, item.noteKey, 0) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { html, markdown };
}

/** A "Sources compared" section's tables, then the sources they cite by number. */
function comparisonClip(comparison: DocumentComparison): Clip {
  const { sources } = comparison;
  const entries = sources.map(
    (source) =>
      `<li value="${source.number}" id="${sourceAnchor(source.number)}" dir="auto">${citationHtml(source)}</li>`,
  );
  return {
    html: `${comparisonHtml(comparison)}<p><strong>Sources</strong></p><ol>${entries.join('')}</ol>`,
    markdown: [...comparisonMarkdown(comparison), '**Sources**', '', ...sources.map(sourceLine)].join('\n'),
  };
}

/** The clip of one item (`highlightId`) or of a whole section (`sectionId`). */
export function briefingClip(
  document: BriefingDocument,
  part: { sectionId: string } | { highlightId: string },
): Clip {
  if ('highlightId' in part) {
    const item = document.sections
      .flatMap((section) => section.items)
      .find((candidate) => candidate.highlight.id === part.highlightId);
    if (!item)
      throw new AppFailure('not-found', 'That item is not in the briefing (its highlight may be deleted).');
    return itemClip(item);
  }
  const section = document.sections.find((candidate) => candidate.id === part.sectionId);
  if (!section) throw new AppFailure('not-found', 'That section is not in the briefing.');
  const clips = [
    ...(section.comparison ? [comparisonClip(section.comparison)] : []),
    ...section.items.map(itemClip),
  ];
  return {
    html: `<h2 dir="auto">${escapeHtml(section.title)}</h2>${clips.map((clip) => clip.html).join('')}`,
    markdown: [`## ${escapeMarkdown(section.title)}`, ...clips.map((clip) => clip.markdown)].join('\n\n'),
  };
}

/**
 * The briefing as one self-contained HTML file: readable on screen, with a
 * print stylesheet (A4 or Letter, headings kept with what follows them, short
 * excerpts kept whole, long ones allowed to break), no scripts and a CSP that
 * forbids them. Notes and the bottom line up front are rendered from their
 * Markdown (note-markdown.ts); everything else is escaped text. Excerpts,
 * notes and commentary carry `dir="auto"` so right-to-left text reads right.
 * Sources are cited as superscript links `[n]` to the numbered source list.
 * The PDF export prints this same HTML.
 */
import {
  citationParts,
  damagedMark,
  sectionShows,
  type BriefingDocument,
  type DocumentComparison,
  type DocumentSource,
} from '../briefing-document';
import { documentNotes, escapeHtml, plainParagraphs } from '../note-markdown';
import { comparisonTables, type ComparisonCell, type ComparisonTable } from './comparison-tables';

export { escapeHtml };

/** Excerpts longer than this may break across pages; shorter ones are kept on one. */
const shortExcerptChars = 900;

const style = `
  :root { color-scheme: light; }
  body { font: 11.5pt/1.55 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.5rem; }
  h1 { font: 700 22pt/1.2 Georgia, 'DejaVu Serif', serif; margin: 0 0 .3em; }
  h2 { font: 700 14pt/1.3 system-ui, 'DejaVu Sans', sans-serif; margin: 1.6em 0 .5em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
  h3, h4, h5, h6 { font: 700 11pt/1.4 system-ui, 'DejaVu Sans', sans-serif; margin: .8em 0 .3em; }
  .meta { font: 10pt/1.5 system-ui, 'DejaVu Sans', sans-serif; color: #555; margin: 0 0 1.5em; }
  .bluf { background: #f5f2e8; border-left: 4px solid #2f5d8a; padding: .6em 1em; }
  .item { margin: 0 0 1.4em; }
  .excerpt { margin: 0 0 .5em; padding: .2em 0 .2em 1em; border-left: 3px solid #2f5d8a; font-style: italic; }
  .excerpt p { margin: 0 0 .5em; orphans: 3; widows: 3; }
  .excerpt p:last-child { margin-bottom: 0; }
  sup.cite { font: 8pt system-ui, 'DejaVu Sans', sans-serif; font-style: normal; }
  sup.cite a { color: #2f5d8a; text-decoration: none; }
  .note, .commentary { font: 10pt/1.5 system-ui, 'DejaVu Sans', sans-serif; color: #333; }
  .note .label { font-weight: 700; margin: 0 0 .2em; }
  .note blockquote { margin: 0 0 .5em; padding-left: .8em; border-left: 2px solid #ccc; color: #555; }
  .note pre { background: #f4f4f4; padding: .5em .7em; overflow-x: auto; white-space: pre-wrap; }
  .note code { font: 9pt/1.4 'DejaVu Sans Mono', monospace; }
  .note .footnotes { font-size: 9pt; color: #555; border-top: 1px solid #eee; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .tags { font: 9pt system-ui, 'DejaVu Sans', sans-serif; color: #666; }
  .sources li { margin-bottom: .3em; font-size: 10pt; overflow-wrap: anywhere; }
  .damaged { color: #9b1c1c; }
  .compared p { font: 10pt/1.5 system-ui, 'DejaVu Sans', sans-serif; color: #333; }
  .compared table { border-collapse: collapse; width: 100%; margin: 0 0 1.2em; font: 9pt/1.4 system-ui, 'DejaVu Sans', sans-serif; }
  .compared caption { text-align: left; font-weight: 700; padding: 0 0 .3em; }
  .compared th, .compared td { border-bottom: 1px solid #ddd; padding: .25em .4em; vertical-align: top; text-align: left; }
  .compared .matrix td:not(:first-child), .compared .matrix th:not(:first-child) { text-align: right; }
  .compared thead th { border-bottom: 2px solid #999; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
    .excerpt.short, .note pre, .compared tr { break-inside: avoid; page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

export const sourceAnchor = (number: number) => `source-${number}`;

function citeLink(number: number): string {
  return `<sup class="cite"><a href="#${sourceAnchor(number)}" aria-label="Source ${number}">[${number}]</a></sup>`;
}

/** The excerpt's paragraphs (the article's line breaks), the citation after the last. */
function excerptHtml(excerpt: string, source: DocumentSource): string {
  const paragraphs = excerpt
    .trim()
    .split(/\n+/)
    .map((paragraph) => escapeHtml(paragraph.trim()));
  paragraphs[paragraphs.length - 1] += ` ${citeLink(source.number)}`;
  const size = excerpt.length > shortExcerptChars ? '' : ' short';
  return `<blockquote class="excerpt${size}" dir="auto">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</blockquote>`;
}

function sourceEntry(source: DocumentSource): string {
  const parts = citationParts(source).map((part) =>
    part.url ? `<a href="${escapeHtml(part.url)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text),
  );
  const damaged = source.damaged ? ` <span class="damaged">(${damagedMark})</span>` : '';
  return `<li id="${sourceAnchor(source.number)}" dir="auto">${parts.join(', ')}${damaged}</li>`;
}

function cellHtml(cell: ComparisonCell, tag: 'td' | 'th', scope = ''): string {
  const text = escapeHtml(cell.text);
  const cites = cell.cite.map(citeLink).join('');
  return `<${tag}${scope} dir="auto">${[text, cites].filter(Boolean).join(' ')}</${tag}>`;
}

function tableHtml(table: ComparisonTable, className: string): string {
  const head = table.head.map((cell) => cellHtml(cell, 'th', ' scope="col"')).join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => cellHtml(cell, index === 0 ? 'th' : 'td', index === 0 ? ' scope="row"' : '')).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="${className}"><caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** A "Sources compared" section's tables: the coverage matrix and who said what. */
export function comparisonHtml(comparison: DocumentComparison): string {
  const { intro, matrix, quotes } = comparisonTables(comparison);
  return `<div class="compared">
<p dir="auto">${escapeHtml(intro)}</p>
${tableHtml(matrix, 'matrix')}
${quotes.rows.length ? tableHtml(quotes, 'quotes') : '<p>No direct quotations were found in these sources.</p>'}
</div>`;
}

/** The `<main>` of the export: title, meta line, bottom line, sections and sources. */
export function briefingMainHtml(document: BriefingDocument): string {
  const { briefing, sections, sources } = document;
  const notes = documentNotes(document);
  const meta = [
    briefing.author && `By ${escapeHtml(briefing.author)}`,
    briefing.date && escapeHtml(briefing.date),
    briefing.audience && escapeHtml(briefing.audience),
  ]
    .filter(Boolean)
    .join(' · ');
  const bluf = briefing.bluf.trim()
    ? `<section class="bluf"><h2>Bottom line up front</h2><div dir="auto">${notes.get('bluf')!.html}</div></section>`
    : '';
  const sectionHtml = sections
    .filter(sectionShows)
    .map(
      (section) => `<section>
<h2 dir="auto">${escapeHtml(section.title)}</h2>
${section.comparison ? comparisonHtml(section.comparison) : ''}
${section.items
  .map((item) => {
    const note = item.note.trim()
      ? `<div class="note" dir="auto"><p class="label">Note</p>\n${notes.get(item.noteKey)!.html}</div>`
      : '';
    const commentary = item.commentary.trim()
      ? `<div class="commentary" dir="auto">${plainParagraphs(item.commentary)}</div>`
      : '';
    const tags = item.tags.length
      ? `<p class="tags" dir="auto">Tags: ${item.tags.map(escapeHtml).join(', ')}</p>`
      : '';
    return `<article class="item" id="${escapeHtml(item.blockId)}">
${excerptHtml(item.excerpt, item.source)}
${commentary}
${note}
${tags}
</article>`;
  })
  .join('\n')}
</section>`,
    )
    .join('\n');
  const sourcesHtml = sources.length
    ? `<section class="sources"><h2>Sources</h2><ol>${sources.map(sourceEntry).join('\n')}</ol></section>`
    : '';
  return `<main>
<h1 dir="auto">${escapeHtml(briefing.title)}</h1>
${meta ? `<p class="meta" dir="auto">${meta}</p>` : ''}
${bluf}
${sectionHtml}
${sourcesHtml}
</main>`;
}

export function briefingToHtml(document: BriefingDocument): string {
  const { briefing } = document;
  const author = briefing.author.trim()
    ? `\n<meta name="author" content="${escapeHtml(briefing.author.trim())}">`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(document.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">${author}
<title>${escapeHtml(briefing.title)}</title>
<style>${style}</style>
</head>
<body>
${briefingMainHtml(document)}
</body>
</html>
`;
}

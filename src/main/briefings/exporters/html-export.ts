/**
 * The briefing as one self-contained HTML file: readable on screen, with a
 * print stylesheet (A4 or Letter, headings kept with what follows them,
 * excerpts not split across pages), no scripts and a CSP that forbids them,
 * every piece of text escaped. The PDF export prints this same HTML.
 */
import { citation, type BriefingDocument } from '../briefing-document';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const paragraphs = (text: string) =>
  text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const style = `
  :root { color-scheme: light; }
  body { font: 11.5pt/1.55 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.5rem; }
  h1 { font: 700 22pt/1.2 Georgia, 'DejaVu Serif', serif; margin: 0 0 .3em; }
  h2 { font: 700 14pt/1.3 system-ui, 'DejaVu Sans', sans-serif; margin: 1.6em 0 .5em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
  .meta { font: 10pt/1.5 system-ui, 'DejaVu Sans', sans-serif; color: #555; margin: 0 0 1.5em; }
  .bluf { background: #f5f2e8; border-left: 4px solid #2f5d8a; padding: .6em 1em; }
  .item { margin: 0 0 1.4em; }
  blockquote { margin: 0 0 .5em; padding: .2em 0 .2em 1em; border-left: 3px solid #2f5d8a; font-style: italic; white-space: pre-wrap; }
  .cite { font: 9.5pt system-ui, 'DejaVu Sans', sans-serif; color: #555; font-style: normal; }
  .note { font: 10pt/1.5 system-ui, 'DejaVu Sans', sans-serif; color: #333; }
  .tags { font: 9pt system-ui, 'DejaVu Sans', sans-serif; color: #666; }
  .sources li { margin-bottom: .3em; font-size: 10pt; overflow-wrap: anywhere; }
  .damaged { color: #9b1c1c; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    h1, h2 { break-after: avoid; page-break-after: avoid; }
    .item, blockquote { break-inside: avoid; page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

export function briefingToHtml(document: BriefingDocument): string {
  const { briefing, sections, sources } = document;
  const meta = [
    briefing.author && `By ${escapeHtml(briefing.author)}`,
    briefing.date && escapeHtml(briefing.date),
    briefing.audience && escapeHtml(briefing.audience),
  ]
    .filter(Boolean)
    .join(' · ');
  const sectionHtml = sections
    .filter((section) => section.items.length > 0)
    .map(
      (section) => `<section>
<h2>${escapeHtml(section.title)}</h2>
${section.items
  .map(
    (item) => `<div class="item" id="${escapeHtml(item.blockId)}">
<blockquote>${escapeHtml(item.excerpt)} <span class="cite">[${item.source.number}]</span></blockquote>
${item.commentary.trim() ? paragraphs(item.commentary) : ''}
${item.note.trim() ? `<div class="note"><strong>Note:</strong> ${paragraphs(item.note)}</div>` : ''}
${item.tags.length ? `<p class="tags">Tags: ${item.tags.map(escapeHtml).join(', ')}</p>` : ''}
</div>`,
  )
  .join('\n')}
</section>`,
    )
    .join('\n');
  const sourcesHtml = sources.length
    ? `<section class="sources"><h2>Sources</h2><ol>${sources
        .map(
          (source) =>
            `<li>${escapeHtml(citation(source))}${source.damaged ? ' <span class="damaged">(the source text is damaged in places)</span>' : ''}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(briefing.title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(briefing.title)}</h1>
${meta ? `<p class="meta">${meta}</p>` : ''}
${briefing.bluf.trim() ? `<section class="bluf"><h2>Bottom line up front</h2>${paragraphs(briefing.bluf)}</section>` : ''}
${sectionHtml}
${sourcesHtml}
</body>
</html>
`;
}

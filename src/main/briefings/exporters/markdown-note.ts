/**
 * A note's Markdown made safe to place inside the briefing's Markdown export,
 * keeping what the user wrote: raw HTML is escaped (so a `<script>` stays text
 * when the file is converted with pandoc, and the app's region markers can
 * never appear in it), headings are demoted below the briefing's sections
 * (`#` becomes `###`), and footnote labels get the note's key (`[^1]` becomes
 * `[^n3-1]`) so two notes' footnotes do not clash. Code (fenced, indented and
 * inline) is left as written, except that a code line starting like one of the
 * app's markers gets a leading space.
 */

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/;
const atxHeading = /^((?: {0,3}>)* {0,3})(#{1,6})(?=[ \t]|$)/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const blockStart = /^ {0,3}(?:[>#*+-]|\d{1,9}[.)]|`{3}|~{3}|\||$)/;

/** Escapes raw HTML (but not autolinks) and re-keys footnotes in text outside inline code. */
function escapeInline(text: string, key: string): string {
  return text
    .replace(/<(?!(?:https?:|mailto:)[^\s<>]*>)(?=[A-Za-z/!?])/g, '\\<')
    .replace(/\[\^([^\]\s]+)\]/g, (_match, label: string) => `[^${key}-${label}]`);
}

/** Splits a line into inline-code spans (kept) and the text between them (escaped). */
function escapeOutsideCodeSpans(line: string, key: string): string {
  let out = '';
  let at = 0;
  while (at < line.length) {
    const open = line.indexOf('`', at);
    if (open < 0) break;
    let run = 1;
    while (line[open + run] === '`') run += 1;
    const fence = '`'.repeat(run);
    let close = line.indexOf(fence, open + run);
    while (close >= 0 && (line[close + run] === '`' || line[close - 1] === '`'))
      close = line.indexOf(fence, close + 1);
    if (close < 0) {
      out += escapeInline(line.slice(at, open + run), key);
      at = open + run;
      continue;
    }
    out += escapeInline(line.slice(at, open), key) + line.slice(open, close + run);
    at = close + run;
  }
  return out + escapeInline(line.slice(at), key);
}

export function noteForMarkdownExport(markdown: string, key: string, headingOffset = 2): string {
  const out: string[] = [];
  let fence: string | null = null;
  let previousIsText = false;
  for (const line of markdown.trim().split('\n')) {
    if (fence) {
      out.push(line.startsWith('<!-- briefing-reader:') ? ` ${line}` : line);
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(line))
        fence = null;
      previousIsText = false;
      continue;
    }
    const opening = fenceOpen.exec(line);
    if (opening) {
      fence = opening[1]!;
      out.push(line);
      previousIsText = false;
      continue;
    }
    if (/^( {4}|\t)/.test(line) && !previousIsText) {
      out.push(line.trimStart().startsWith('<!-- briefing-reader:') ? ` ${line}` : line);
      continue;
    }
    const underline = setextUnderline.exec(line);
    if (underline && previousIsText) {
      const level = underline[1]!.startsWith('=') ? 1 : 2;
      const heading = out.pop()!.trim();
      out.push(`${'#'.repeat(Math.min(level + headingOffset, 6))} ${heading}`);
      previousIsText = false;
      continue;
    }
    const escaped = escapeOutsideCodeSpans(line, key).replace(
      atxHeading,
      (_match, indent: string, hashes: string) =>
        `${indent}${'#'.repeat(Math.min(hashes.length + headingOffset, 6))}`,
    );
    out.push(escaped);
    previousIsText = line.trim() !== '' && !blockStart.test(line);
  }
  return out.join('\n');
}

/**
 * Prepares Markdown for the same structuring as plain text. The block markers
 * the cleaner understands (#, >, -, 1.) stay; inline markup is read by
 * `marked`'s lexer (the parser the notes already use) and reduced to its text:
 * emphasis and code marks go, a link becomes its label (inline, reference-style
 * and autolinks alike), an image its alt text (a line holding only an image
 * becomes a caption line), and HTML is dropped: nothing is rendered as HTML.
 * The links are returned beside the lines, by line, for the cleaned blocks to
 * carry (see attach-links.ts); only http, https and mailto addresses are kept.
 *
 * The conversion keeps one output line per input line (reference definitions
 * become blank lines), because the reader's line choices are stored by line
 * number. A level-one heading on the first line is the article's headline.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { keptLinkHref } from '../../shared/link-href';

/** A link found in the converted lines: its label starts at `column` (UTF-16) of line `line` (1-based). */
export interface LineLink {
  line: number;
  column: number;
  text: string;
  href: string;
}

export interface ConvertedMarkdown {
  lines: string;
  links: LineLink[];
}

const frontMatter = /^---\n[\s\S]*?\n---\n/;
const fence = /^ {0,3}(```|~~~)/;
const definition = /^ {0,3}\[([^\]]+)\]:\s*\S/;

/** A line with none of these holds no inline markup and is kept as it is, unread. */
const inlineMarkup = /[[<*_~`\\@]|https?:|www\./i;

const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The plain text of inline tokens, with each kept link's place in it. */
function plainText(
  tokens: Token[],
  links: { column: number; text: string; href: string }[],
  alone: boolean,
): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'link': {
        const link = token as Tokens.Link;
        const inner: typeof links = [];
        const label = plainText(link.tokens, inner, false);
        const href = keptLinkHref(link.href);
        // A link around other links (not valid Markdown, but lexed) keeps the innermost ones.
        if (href && inner.length === 0 && label.trim())
          links.push({ column: text.length, text: label, href });
        else links.push(...inner.map((found) => ({ ...found, column: found.column + text.length })));
        text += label;
        break;
      }
      case 'image': {
        const alt = (token as Tokens.Image).text.trim();
        text += alone && alt ? `Image: ${alt}` : alt;
        break;
      }
      case 'html':
        break;
      case 'br':
        text += ' ';
        break;
      case 'strong':
      case 'em':
      case 'del': {
        const inner: typeof links = [];
        const label = plainText((token as Tokens.Generic).tokens ?? [], inner, false);
        links.push(...inner.map((found) => ({ ...found, column: found.column + text.length })));
        text += label;
        break;
      }
      case 'codespan':
        text += (token as Tokens.Codespan).text;
        break;
      case 'escape':
      case 'text':
        text += (token as Tokens.Text).text;
        break;
      default:
        text += token.raw;
    }
  }
  return text;
}

/** The lines the cleaner structures, and the links they hold. */
export function convertMarkdown(markdown: string): ConvertedMarkdown {
  const titled = markdown.replace(/^\uFEFF?[ \t]*# +(\S.*)$/m, (line, title: string) =>
    markdown.trimStart().startsWith(line.trim()) ? title : line,
  );
  const source = titled.replace(frontMatter, '');
  // The document's reference definitions, so `[label][ref]` resolves on any line: the block pass
  // alone finds them (its queued inline work is dropped; each line is read inline below).
  const lexer = new Lexer({ gfm: true });
  lexer.blockTokens(source.replace(/\r\n?/g, '\n'), []);
  lexer.inlineQueue = [];
  const definitions = lexer.tokens.links;
  const links: LineLink[] = [];
  let inFence = false;
  const lines = source.split('\n').map((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (fence.test(line)) {
      inFence = !inFence;
      return line.replace(/^( {0,3})(```|~~~)[\w-]*/, '$1');
    }
    if (inFence) return line;
    const defined = definition.exec(line);
    if (defined && definitions[labelKey(defined[1]!)]) return '';
    if (!inlineMarkup.test(line)) return line;
    const found: { column: number; text: string; href: string }[] = [];
    const tokens = lexer.inlineTokens(line);
    const alone = tokens.filter((token) => token.type !== 'html' && token.raw.trim() !== '');
    const text = plainText(tokens, found, alone.length === 1 && alone[0]!.type === 'image');
    links.push(...found.map((link) => ({ line: index + 1, ...link })));
    return text;
  });
  return { lines: lines.join('\n'), links };
}

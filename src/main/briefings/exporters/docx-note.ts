/**
 * A note's Markdown as Word paragraphs: the sanitised HTML of the one `marked`
 * parse (note-markdown.ts) walked into real Word structure — paragraphs with
 * line breaks, bold/italic/strike runs, code in the "Source Code" styles, links
 * as hyperlinks, lists with Word numbering (each list numbered from 1, nested
 * lists one level in), quotes in the "Note Quote" style, headings in Word's
 * heading styles, and the note's own footnotes as Word footnotes in the
 * "footnote text" style.
 */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { noteDom, type RenderedNoteHtml } from '../note-markdown';

export const noteStyleIds = {
  quote: 'NoteQuote',
  codeBlock: 'SourceCode',
  inlineCode: 'VerbatimChar',
  hyperlink: 'Hyperlink',
  footnote: 'FootnoteText',
  bullets: 'note-bullets',
  numbers: 'note-numbers',
} as const;

/** The document-wide state notes add to: Word footnotes and list instances. */
export interface DocxNoteContext {
  footnotes: Record<number, { children: Paragraph[] }>;
  nextFootnote: number;
  nextListInstance: number;
}

type Format = Omit<IRunOptions, 'text' | 'children' | 'break'>;

interface Block {
  style?: string;
  /** The list item the next paragraph starts; its later paragraphs are indented to match. */
  item?: { numbering: { reference: string; level: number; instance: number }; started: boolean };
}

const strongRtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const strongLtr = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** Whether text reads right to left: its first strong character is Hebrew or Arabic script. */
export function readsRightToLeft(text: string): boolean {
  for (const char of text) {
    if (strongRtl.test(char)) return true;
    if (strongLtr.test(char)) return false;
  }
  return false;
}

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Plain text (commentary, a note with no Markdown or past the bound) as Word paragraphs and line breaks. */
export function plainDocxParagraphs(markdown: string, style?: string): Paragraph[] {
  return markdown
    .trim()
    .split(/\n{2,}/)
    .map(
      (text) =>
        new Paragraph({
          style,
          bidirectional: readsRightToLeft(text) || undefined,
          children: text
            .split('\n')
            .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
        }),
    );
}

/** A note rendered by renderNotes (with its Markdown, for a note rendered as plain text) as Word paragraphs. */
export function noteToDocx(
  markdown: string,
  rendered: RenderedNoteHtml,
  context: DocxNoteContext,
  baseStyle?: string,
): Paragraph[] {
  const { plain, element: root } = rendered;
  if (plain) return plainDocxParagraphs(markdown, baseStyle);
  if (!root) return [];
  const document = noteDom().document;

  // The note's footnotes: `<section class="footnotes">` holds one `<li id="key-n">` each.
  const footnoteItems = new Map<string, Element>();
  for (const section of root.querySelectorAll('section.footnotes')) {
    for (const item of section.querySelectorAll('li[id]')) footnoteItems.set(item.id, item);
    section.remove();
  }

  function inline(node: Node, format: Format): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        if (text) out.push(new TextRun({ ...format, text }));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toLowerCase();
      if (tag === 'br') out.push(new TextRun({ ...format, text: '', break: 1 }));
      else if (tag === 'strong' || tag === 'b') out.push(...inline(element, { ...format, bold: true }));
      else if (tag === 'em' || tag === 'i') out.push(...inline(element, { ...format, italics: true }));
      else if (tag === 'del' || tag === 's') out.push(...inline(element, { ...format, strike: true }));
      else if (tag === 'code') out.push(...inline(element, { ...format, style: noteStyleIds.inlineCode }));
      else if (tag === 'sup' && element.querySelector('a[href^="#"]')) {
        const target = element.querySelector('a')!.getAttribute('href')!.slice(1);
        const item = footnoteItems.get(target);
        if (item) {
          item.querySelectorAll('a[href^="#"]').forEach((backLink) => backLink.remove());
          context.nextFootnote += 1;
          const number = context.nextFootnote;
          context.footnotes[number] = { children: blocks(item, { style: noteStyleIds.footnote }) };
          out.push(new FootnoteReferenceRun(number));
        } else out.push(...inline(element, { ...format, superScript: true }));
      } else if (tag === 'a') {
        const href = element.getAttribute('href') ?? '';
        const runs = inline(element, { ...format, style: noteStyleIds.hyperlink });
        if (/^(?:https?:|mailto:)/i.test(href))
          out.push(new ExternalHyperlink({ link: href, children: runs }));
        else out.push(...runs);
      } else out.push(...inline(element, format));
    }
    return out;
  }

  function paragraph(children: ParagraphChild[], text: string, block: Block): Paragraph {
    const { item } = block;
    const numbering = item && !item.started ? item.numbering : undefined;
    if (item) item.started = true;
    return new Paragraph({
      children,
      style: block.style ?? baseStyle,
      numbering,
      indent: item && !numbering ? { left: 720 * (item.numbering.level + 1) } : undefined,
      bidirectional: readsRightToLeft(text) || undefined,
    });
  }

  function blocks(node: Node, block: Block, listLevel = -1): Paragraph[] {
    const out: Paragraph[] = [];
    let loose: ChildNode[] = [];
    const flush = () => {
      const holder = document.createElement('span');
      for (const child of loose) holder.append(child.cloneNode(true));
      loose = [];
      if ((holder.textContent ?? '').trim() || holder.querySelector('br'))
        out.push(paragraph(inline(holder, {}), holder.textContent ?? '', block));
    };
    for (const child of [...node.childNodes]) {
      const tag = child.nodeType === 1 ? (child as Element).tagName.toLowerCase() : '';
      const isBlock = /^(p|h[1-6]|ul|ol|blockquote|pre|hr|table|div|section|li)$/.test(tag);
      if (!isBlock) {
        loose.push(child);
        continue;
      }
      flush();
      const element = child as Element;
      if (tag === 'p' || tag === 'div' || tag === 'section') {
        if (tag === 'p') out.push(paragraph(inline(element, {}), element.textContent ?? '', block));
        else out.push(...blocks(element, block, listLevel));
      } else if (/^h[1-6]$/.test(tag)) {
        out.push(
          new Paragraph({
            children: inline(element, {}),
            heading: headingLevels[Number(tag[1]) - 1],
            bidirectional: readsRightToLeft(element.textContent ?? '') || undefined,
          }),
        );
      } else if (tag === 'ul' || tag === 'ol') {
        context.nextListInstance += 1;
        const numbering = {
          reference: tag === 'ol' ? noteStyleIds.numbers : noteStyleIds.bullets,
          level: Math.min(listLevel + 1, 8),
          instance: context.nextListInstance,
        };
        for (const item of element.children) {
          if (item.tagName.toLowerCase() !== 'li') continue;
          out.push(
            ...blocks(item, { style: block.style, item: { numbering, started: false } }, listLevel + 1),
          );
        }
      } else if (tag === 'li') {
        out.push(...blocks(element, block, listLevel));
      } else if (tag === 'blockquote') {
        out.push(...blocks(element, { style: noteStyleIds.quote }, listLevel));
      } else if (tag === 'pre') {
        const lines = (element.textContent ?? '').replace(/\n$/, '').split('\n');
        out.push(
          new Paragraph({
            style: noteStyleIds.codeBlock,
            children: lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
          }),
        );
      } else if (tag === 'hr') {
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
      } else if (tag === 'table') {
        for (const row of element.querySelectorAll('tr')) {
          const cells = [...row.children].map((cell) => (cell.textContent ?? '').trim());
          out.push(paragraph([new TextRun(cells.join('  |  '))], cells.join(' '), block));
        }
      }
    }
    flush();
    return out;
  }

  return blocks(root, {});
}

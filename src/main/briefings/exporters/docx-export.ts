/**
 * The briefing as a Word document through the `docx` library: Word's heading
 * styles with outline levels (so LibreOffice, Word's navigation pane and PDF
 * bookmarks see the sections), the Quote style for excerpts (one paragraph per
 * paragraph of the article), notes and the bottom line rendered from their
 * Markdown (docx-note.ts), the document language and properties (title,
 * author). Sources follow the one citation scheme: each excerpt cites `[n]`, a
 * superscript cross-reference (a REF field) to the bookmarked entry of the
 * numbered source list; footnotes only for a note's own footnotes.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Run,
  Table,
  TableCell,
  TableRow,
  WidthType,
  XmlComponent,
  BuilderElement,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import {
  citationParts,
  damagedMark,
  sectionShows,
  type BriefingDocument,
  type DocumentComparison,
  type DocumentSource,
} from '../briefing-document';
import { comparisonTables, type ComparisonCell, type ComparisonTable } from './comparison-tables';
import { documentNotes } from '../note-markdown';
import {
  noteStyleIds,
  noteToDocx,
  plainDocxParagraphs,
  readsRightToLeft,
  type DocxNoteContext,
} from './docx-note';

const sourceBookmark = (number: number) => `source_${number}`;

class InstructionText extends XmlComponent {
  constructor(text: string) {
    super('w:instrText');
    this.root.push(text);
  }
}

const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new Run({
    children: [
      new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } }),
    ],
  });

/**
 * `[n]` in superscript: Word's cross-reference field (REF, as a link) to the
 * source's bookmark, written as a complex field so readers that skip fields
 * (pandoc) still show its result.
 */
function citationReference(number: number): ParagraphChild[] {
  return [
    fieldChar('begin'),
    new Run({ children: [new InstructionText(` REF ${sourceBookmark(number)} \\h `)] }),
    fieldChar('separate'),
    new TextRun({ text: `[${number}]`, superScript: true }),
    fieldChar('end'),
  ];
}

function excerptParagraphs(excerpt: string, source: DocumentSource): Paragraph[] {
  const paragraphs = excerpt
    .trim()
    .split(/\n+/)
    .map((paragraph) => paragraph.trim());
  return paragraphs.map(
    (text, index) =>
      new Paragraph({
        style: 'Quote',
        bidirectional: readsRightToLeft(text) || undefined,
        keepLines: excerpt.length < 900,
        children: [
          new TextRun(text),
          ...(index === paragraphs.length - 1 ? [new TextRun(' '), ...citationReference(source.number)] : []),
        ],
      }),
  );
}

function sourceParagraph(source: DocumentSource): Paragraph {
  const parts: ParagraphChild[] = [
    new Bookmark({ id: sourceBookmark(source.number), children: [new TextRun(`[${source.number}]`)] }),
    new TextRun(' '),
  ];
  citationParts(source).forEach((part, index) => {
    if (index > 0) parts.push(new TextRun(', '));
    parts.push(
      part.url
        ? new ExternalHyperlink({
            link: part.url,
            children: [new TextRun({ text: part.text, style: noteStyleIds.hyperlink })],
          })
        : new TextRun(part.text),
    );
  });
  if (source.damaged) parts.push(new TextRun({ text: ` (${damagedMark})`, color: '9B1C1C' }));
  return new Paragraph({ children: parts, style: 'SourceEntry' });
}

function cellParagraph(cell: ComparisonCell, bold: boolean, right: boolean): Paragraph {
  const children: ParagraphChild[] = [];
  if (cell.text) children.push(new TextRun({ text: cell.text, bold }));
  cell.cite.forEach((number) => {
    if (children.length) children.push(new TextRun(' '));
    children.push(...citationReference(number));
  });
  return new Paragraph({
    style: 'TableText',
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children,
  });
}

/** The text width of an A4 page with Word's default margins, in twentieths of a point. */
const textWidth = 9000;

/** A Word table: its caption a bold line kept with it, a header row repeated on each page. */
function docxTable(table: ComparisonTable, counts: boolean): (Paragraph | Table)[] {
  // Counts: a wide first column for the names; quotes: the quote gets most of the width.
  const widths = counts
    ? [2600, ...table.head.slice(1).map(() => Math.floor((textWidth - 2600) / (table.head.length - 1)))]
    : [2000, 5200, 1800];
  const row = (cells: ComparisonCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (cell, index) =>
          new TableCell({
            width: { size: widths[index]!, type: WidthType.DXA },
            children: [cellParagraph(cell, header || index === 0, counts && index > 0)],
          }),
      ),
    });
  return [
    new Paragraph({ children: [new TextRun({ text: table.caption, bold: true })], keepNext: true }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(table.head, true), ...table.rows.map((cells) => row(cells, false))],
    }),
  ];
}

function comparisonDocx(comparison: DocumentComparison): (Paragraph | Table)[] {
  const { intro, matrix, quotes } = comparisonTables(comparison);
  return [
    new Paragraph({ text: intro }),
    ...docxTable(matrix, true),
    new Paragraph({ text: '' }),
    ...(quotes.rows.length
      ? docxTable(quotes, false)
      : [new Paragraph({ text: 'No direct quotations were found in these sources.' })]),
  ];
}

const listLevels = (ordered: boolean): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

const headingStyle = (level: number, size: number) => ({
  run: { size, bold: true, color: '1D1D1F', font: 'DejaVu Sans' },
  paragraph: { outlineLevel: level, keepNext: true, spacing: { before: 240, after: 120 } },
});

export async function briefingToDocx(document: BriefingDocument): Promise<Buffer> {
  const { briefing, sections, sources } = document;
  const context: DocxNoteContext = { footnotes: {}, nextFootnote: 0, nextListInstance: 0 };
  const notes = documentNotes(document);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: briefing.title, heading: HeadingLevel.TITLE }),
  ];
  const meta = [briefing.author && `By ${briefing.author}`, briefing.date, briefing.audience]
    .filter(Boolean)
    .join(' · ');
  if (meta) children.push(new Paragraph({ text: meta, style: 'Subtitle' }));
  if (briefing.bluf.trim()) {
    children.push(
      new Paragraph({ text: 'Bottom line up front', heading: HeadingLevel.HEADING_1 }),
      ...noteToDocx(briefing.bluf, notes.get('bluf')!, context),
    );
  }
  for (const section of sections) {
    if (!sectionShows(section)) continue;
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    if (section.comparison) children.push(...comparisonDocx(section.comparison));
    for (const item of section.items) {
      children.push(...excerptParagraphs(item.excerpt, item.source));
      if (item.commentary.trim()) children.push(...plainDocxParagraphs(item.commentary));
      if (item.note.trim())
        children.push(
          new Paragraph({ children: [new TextRun({ text: 'Note', bold: true })], keepNext: true }),
          ...noteToDocx(item.note, notes.get(item.noteKey)!, context, 'NoteText'),
        );
      if (item.tags.length)
        children.push(
          new Paragraph({
            children: [new TextRun({ text: `Tags: ${item.tags.join(', ')}`, italics: true })],
          }),
        );
    }
  }
  if (sources.length) {
    children.push(new Paragraph({ text: 'Sources', heading: HeadingLevel.HEADING_1 }));
    children.push(...sources.map(sourceParagraph));
  }
  const doc = new Document({
    title: briefing.title,
    creator: briefing.author || 'Briefing Reader',
    description: briefing.audience,
    features: { updateFields: false },
    styles: {
      default: {
        document: { run: { language: { value: document.language } } },
        heading1: headingStyle(0, 28),
        heading2: headingStyle(1, 24),
        heading3: headingStyle(2, 22),
        heading4: headingStyle(3, 21),
        heading5: headingStyle(4, 20),
        heading6: headingStyle(5, 20),
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 120, after: 120 } },
        },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', quickFormat: true, run: { color: '555555' } },
        { id: 'NoteText', name: 'Note Text', basedOn: 'Normal', quickFormat: true, run: { size: 20 } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 } },
        {
          id: noteStyleIds.quote,
          name: 'Note Quote',
          basedOn: 'NoteText',
          run: { color: '555555' },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: 'single', size: 12, color: 'CCCCCC', space: 8 } },
          },
        },
        {
          id: noteStyleIds.codeBlock,
          name: 'Source Code',
          basedOn: 'Normal',
          run: { font: 'DejaVu Sans Mono', size: 18 },
          paragraph: {
            shading: { type: 'clear', fill: 'F4F4F4', color: 'auto' },
            spacing: { before: 60, after: 60 },
          },
        },
        {
          id: 'SourceEntry',
          name: 'Source Entry',
          basedOn: 'Normal',
          run: { size: 20 },
          paragraph: { indent: { left: 454, hanging: 454 } },
        },
      ],
      characterStyles: [
        {
          id: noteStyleIds.inlineCode,
          name: 'Verbatim Char',
          basedOn: 'DefaultParagraphFont',
          run: { font: 'DejaVu Sans Mono', size: 18 },
        },
      ],
    },
    numbering: {
      config: [
        { reference: noteStyleIds.bullets, levels: listLevels(false) },
        { reference: noteStyleIds.numbers, levels: listLevels(true) },
      ],
    },
    footnotes: context.footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * The briefing as a Word document through the `docx` library: real Word
 * heading styles, the Quote style for excerpts, each excerpt's citation as a
 * footnote, and the document properties (title, author).
 */
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { citation, type BriefingDocument } from '../briefing-document';

const paragraphsOf = (text: string, style?: string) =>
  text
    .trim()
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        new Paragraph({
          style,
          children: paragraph
            .split('\n')
            .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
        }),
    );

export async function briefingToDocx(document: BriefingDocument): Promise<Buffer> {
  const { briefing, sections, sources } = document;
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let footnoteNumber = 0;
  const children: Paragraph[] = [new Paragraph({ text: briefing.title, heading: HeadingLevel.TITLE })];
  const meta = [briefing.author && `By ${briefing.author}`, briefing.date, briefing.audience]
    .filter(Boolean)
    .join(' · ');
  if (meta) children.push(new Paragraph({ text: meta, style: 'Subtitle' }));
  if (briefing.bluf.trim()) {
    children.push(
      new Paragraph({ text: 'Bottom line up front', heading: HeadingLevel.HEADING_1 }),
      ...paragraphsOf(briefing.bluf),
    );
  }
  for (const section of sections) {
    if (section.items.length === 0) continue;
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }));
    for (const item of section.items) {
      footnoteNumber += 1;
      footnotes[footnoteNumber] = {
        children: [
          new Paragraph(
            `[${item.source.number}] ${citation(item.source)}${item.source.damaged ? ' (the source text is damaged in places)' : ''}`,
          ),
        ],
      };
      children.push(
        new Paragraph({
          style: 'Quote',
          children: [new TextRun(item.excerpt), new FootnoteReferenceRun(footnoteNumber)],
        }),
      );
      if (item.commentary.trim()) children.push(...paragraphsOf(item.commentary));
      if (item.note.trim())
        children.push(
          new Paragraph({
            children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(item.note.trim())],
          }),
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
    for (const source of sources) {
      children.push(
        new Paragraph({
          text: `${source.number}. ${citation(source)}${source.damaged ? ' (the source text is damaged in places)' : ''}`,
        }),
      );
    }
  }
  const doc = new Document({
    title: briefing.title,
    creator: briefing.author || 'Briefing Reader',
    description: briefing.audience,
    styles: {
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
      ],
    },
    footnotes,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * The briefing's highlights and notes as a W3C Web Annotation
 * AnnotationCollection (JSON-LD), meeting every MUST of the Web Annotation Data
 * Model (the context, an id and type on the collection, page and each
 * annotation, a target on each annotation with its source and a TextQuote and
 * a TextPosition selector, TextualBody bodies for the note and tags) and its
 * SHOULDs: `creator`, `created` and `modified` on annotations and the
 * collection, `format` and `language` on every body and on each target's
 * source, `last` on the collection and `partOf` on the page. A source without
 * a web address is named by a stable `urn:briefing-reader:article:<id>`; its
 * format is then the app's cleaned plain text. Articles do not record their
 * language, so the briefing's language stands for it.
 */
import type { BriefingDocument } from '../briefing-document';

const context = 'http://www.w3.org/ns/anno.jsonld';

function sourceResource(url: string | null, articleId: string, language: string): Record<string, unknown> {
  const web = url && /^https?:\/\//.test(url);
  return {
    id: web ? url : `urn:briefing-reader:article:${articleId}`,
    type: 'Text',
    format: web ? 'text/html' : 'text/plain',
    language,
  };
}

export function briefingToAnnotations(document: BriefingDocument): Record<string, unknown> {
  const { briefing, language } = document;
  const collectionId = `urn:briefing-reader:briefing:${briefing.id}`;
  const pageId = `${collectionId}:page:1`;
  const creator = { type: 'Person', name: briefing.author.trim() || 'Briefing Reader user' };
  const generator = { id: 'urn:briefing-reader:app', type: 'Software', name: 'Briefing Reader' };
  const textBody = (value: string, format: string, purpose: string) => ({
    type: 'TextualBody',
    value,
    format,
    language,
    purpose,
  });
  const items = document.sections.flatMap((section) =>
    section.items.map((item) => {
      const { highlight } = item;
      const body: Record<string, unknown>[] = [];
      if (item.note.trim()) body.push(textBody(item.note, 'text/markdown', 'commenting'));
      if (item.commentary.trim()) body.push(textBody(item.commentary, 'text/plain', 'describing'));
      for (const tag of item.tags) body.push(textBody(tag, 'text/plain', 'tagging'));
      body.push(textBody(item.categoryName, 'text/plain', 'classifying'));
      return {
        '@context': context,
        id: `urn:briefing-reader:highlight:${highlight.id}`,
        type: 'Annotation',
        motivation: item.note.trim() ? 'commenting' : 'highlighting',
        creator,
        created: highlight.createdAt,
        modified: highlight.updatedAt,
        generator,
        body,
        target: {
          type: 'SpecificResource',
          source: sourceResource(item.source.url, item.source.articleId, language),
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: highlight.quote.exact,
              prefix: highlight.quote.prefix,
              suffix: highlight.quote.suffix,
            },
            // An empty span is a position not known (an item kept from a deleted article, rebuilt).
            ...(highlight.position.end > highlight.position.start
              ? [
                  {
                    type: 'TextPositionSelector',
                    start: highlight.position.start,
                    end: highlight.position.end,
                  },
                ]
              : []),
          ],
        },
      };
    }),
  );
  return {
    '@context': context,
    id: collectionId,
    type: 'AnnotationCollection',
    label: briefing.title,
    creator,
    created: briefing.createdAt,
    modified: briefing.updatedAt,
    generator,
    total: items.length,
    first: { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    last: pageId,
  };
}

/**
 * The briefing's highlights and notes as a W3C Web Annotation
 * AnnotationCollection (JSON-LD), meeting every MUST of the Web Annotation Data
 * Model: the context, an id and type on the collection, page and each
 * annotation, a target on each annotation with its source and a TextQuote and
 * a TextPosition selector, TextualBody bodies for the note and tags.
 */
import type { BriefingDocument } from '../briefing-document';

const context = 'http://www.w3.org/ns/anno.jsonld';

function sourceIri(url: string | null, articleId: string): string {
  return url && /^https?:\/\//.test(url) ? url : `urn:briefing-reader:article:${articleId}`;
}

export function briefingToAnnotations(document: BriefingDocument): Record<string, unknown> {
  const collectionId = `urn:briefing-reader:briefing:${document.briefing.id}`;
  const items = document.sections.flatMap((section) =>
    section.items.map((item) => {
      const { highlight } = item;
      const body: Record<string, unknown>[] = [];
      if (item.note.trim())
        body.push({ type: 'TextualBody', value: item.note, format: 'text/markdown', purpose: 'commenting' });
      if (item.commentary.trim())
        body.push({
          type: 'TextualBody',
          value: item.commentary,
          format: 'text/plain',
          purpose: 'describing',
        });
      for (const tag of item.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
      body.push({ type: 'TextualBody', value: item.categoryName, purpose: 'classifying' });
      return {
        '@context': context,
        id: `urn:briefing-reader:highlight:${highlight.id}`,
        type: 'Annotation',
        motivation: item.note.trim() ? 'commenting' : 'highlighting',
        created: highlight.createdAt,
        modified: highlight.updatedAt,
        body,
        target: {
          source: sourceIri(item.source.url, item.source.articleId),
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: highlight.quote.exact,
              prefix: highlight.quote.prefix,
              suffix: highlight.quote.suffix,
            },
            { type: 'TextPositionSelector', start: highlight.position.start, end: highlight.position.end },
          ],
        },
      };
    }),
  );
  return {
    '@context': context,
    id: collectionId,
    type: 'AnnotationCollection',
    label: document.briefing.title,
    total: items.length,
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * Writes a cleaned article back out as plain text in the form the cleaner
 * reads: headline (as a "# " line), dek, then each block on its own line(s), with breaks as
 * `---`, list items with their markers, Markdown markers where the source had
 * them. Cleaning this text gives the same article again (tested), which is the
 * "cleaning a cleaned article changes nothing" guarantee.
 */
import type { Block, CleanedArticle } from '../../shared/cleaned-article';

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'break':
      return [block.marker];
    case 'list':
      return block.items.map((item) => (item.marker ? `${item.marker} ${item.text}` : item.text));
    case 'heading':
    case 'quote':
      return [block.marker ? `${block.marker} ${block.text}` : block.text];
    default:
      return [block.text];
  }
}

export function toPlainText(article: CleanedArticle): string {
  // The headline is marked "# " so that cleaning this text takes it as the headline again, whatever its
  // score, and it stands where it stood in the source: after any block that came before it.
  const head = article.titleDerived ? [] : [`# ${article.title}`, ...(article.dek ? [article.dek.text] : [])];
  const titleLine = article.titleLine ?? 0;
  const before = article.blocks.filter((block) => (block.lines[0] ?? Infinity) < titleLine);
  const after = article.blocks.slice(before.length);
  return [...before.flatMap(blockLines), ...head, ...after.flatMap(blockLines)].join('\n') + '\n';
}

/**
 * Chooses the headline and dek among the judged blocks, then settles the
 * verdicts: the kept blocks are judged again as they will stand once the
 * chrome is gone (the headline marked "# ", as the plain-text form writes it),
 * and whatever that second look removes is removed now, until nothing
 * changes. So cleaning the cleaned text finds the same article again: the
 * neighbour smoothing cannot keep a line only because of chrome around it.
 */
import { judgeBlocks, type JudgedBlock } from './find-boilerplate';
import { chooseHeadline, looksLikeDek } from './title-rules';

/** A line "# Headline" is the headline (the form `toPlainText` writes it in). */
export const markedHeadline = /^#\s+(\S.*)$/;
const maxRounds = 6;

export interface ArticleHead {
  headline: number | null;
  dek: number | null;
}

function findHead(judged: JudgedBlock[], marked: number): ArticleHead {
  const headline = marked >= 0 ? marked : chooseHeadline(judged);
  if (headline === null) return { headline, dek: null };
  // The dek is the first kept block under the headline.
  const dek = judged.findIndex((entry, index) => index > headline && entry.verdict === 'good');
  const next = judged.slice(dek + 1).find((entry) => entry.verdict === 'good');
  const isDek =
    dek >= 0 &&
    !judged[dek]!.features.signal?.strong &&
    !judged[dek]!.features.date &&
    !judged[dek]!.features.byline &&
    looksLikeDek(judged[dek]!.block.text, next?.block.text);
  return { headline, dek: isDek ? dek : null };
}

export function settleArticle(judged: JudgedBlock[], extracted: boolean): ArticleHead {
  const marked = judged.findIndex((entry) => markedHeadline.test(entry.block.text));
  if (marked >= 0) {
    const block = judged[marked]!.block;
    judged[marked]!.block = { ...block, text: block.text.replace(markedHeadline, '$1') };
  }
  let head = findHead(judged, marked);
  for (let round = 0; round < maxRounds; round += 1) {
    const kept = judged
      .map((entry, index) => index)
      .filter((index) => judged[index]!.verdict === 'good' || index === head.headline || index === head.dek);
    const again = judgeBlocks(
      kept.map((index) => {
        const block = judged[index]!.block;
        return index === head.headline ? { ...block, text: `# ${block.text}` } : block;
      }),
      extracted,
    );
    let changed = false;
    again.forEach((entry, position) => {
      const index = kept[position]!;
      if (index === head.headline || entry.verdict === 'good' || judged[index]!.pinned) return;
      judged[index] = { ...judged[index]!, verdict: 'bad', kind: entry.kind, reason: entry.reason };
      changed = true;
    });
    // Without the chrome, a line may stand out as the headline that did not before: take it now.
    const laterHeadline = head.headline === null && !changed ? chooseHeadline(again) : null;
    if (laterHeadline !== null) {
      head = findHead(judged, kept[laterHeadline]!);
      continue;
    }
    if (!changed) break;
    head = findHead(judged, head.headline ?? -1);
  }
  return head;
}

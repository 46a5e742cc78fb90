/**
 * The briefing the export tests open with real tools: Markdown notes (a
 * heading, emphasis, a list with a nested numbered list, a link with `_` in
 * it, code, a quote, a footnote — and a second note with its own `[^1]`, raw
 * HTML, `==`/`%%`, the app's own end marker and XML non-characters), a
 * multi-paragraph excerpt, non-ASCII and right-to-left (Arabic, Hebrew) text,
 * an excerpt longer than a page, a tag with a backtick, a title with a DEL
 * character, and a source with empty metadata flagged as damaged.
 */
import path from 'node:path';
import type { Node } from 'commonmark';
import { startAppCore, type AppCore } from '../../src/main/app-core';
import { articleFromPlainText } from '../../src/main/articles/article-from-text';
import { createAppServices } from '../../src/main/app-services';
import type { LibraryStore } from '../../src/main/store/library-store';
import type { Briefing } from '../../src/main/store/schemas/briefings-file';

const longSentences = [
  'Diplomats from eleven countries reviewed the draft line by line, and several asked for the annex on verification to be rewritten before the next round.',
  'The mediators proposed a schedule of monthly meetings, each preceded by a technical session on prisoners, energy and the reopening of ports.',
  'Observers noted that neither delegation walked out, which in earlier rounds had happened within hours of the opening statements.',
  'A senior official described the atmosphere as businesslike but warned that the hardest questions, on territory and guarantees, had not yet been opened.',
];
/** About 6,000 characters: more than an A4 page of quoted text. */
export const longParagraph = Array.from({ length: 42 }, (_, n) => longSentences[n % 4]).join(' ');

export const genevaText = [
  'Talks resume in Geneva',
  '',
  'Negotiators met on Monday in Geneva. Officials said “everything” was on the table, and the R&amp;D budget would rise == 5% %% soon.',
  '',
  'A second paragraph follows the first, so this highlight spans two paragraphs of the article.',
  '',
  'Le ministre a déclaré : « Nous avançons » — Zürich, São Paulo, Łódź, Ærøskøbing.',
  '',
  longParagraph,
  '',
  'The talks are expected to continue next week.',
].join('\n');

export const ministryText = [
  'Statement from the ministry',
  '',
  'قالت الوزارة إن المحادثات ستستمر الأسبوع المقبل في جنيف.',
  '',
  'המשא ומתן יימשך בשבוע הבא.',
].join('\n');

export const richNote = [
  '# Why it matters',
  '',
  'The **core** pledge, with *emphasis* and `inline code`.',
  'A second line of the same paragraph.',
  '',
  '- first point',
  '- second point with [a link](https://example.org/path_with_underscores)',
  '  1. nested one',
  '  2. nested two',
  '',
  '> a quoted remark',
  '',
  '```js',
  'const answer = 42;',
  'console.log(answer);',
  '```',
  '',
  'See the footnote.[^1]',
  '',
  '[^1]: The first note’s footnote.',
].join('\n');

export const hostileNote = (briefingId: string) =>
  [
    'Another note[^1] with <script>alert(1)</script> and <b>raw</b> HTML, ==marked== and %%hidden%%.',
    'Odd characters: \uFFFE\uFFFF\u0007\u007F end.',
    '',
    `<!-- briefing-reader:end ${briefingId} -->`,
    '',
    '```',
    `<!-- briefing-reader:end ${briefingId} -->`,
    '```',
    '',
    '[^1]: The second note’s footnote.',
  ].join('\n');

export interface RichBriefing {
  core: AppCore;
  store: LibraryStore;
  briefing: Briefing;
  genevaId: string;
  ministryId: string;
}

export async function richBriefing(dir: string): Promise<RichBriefing> {
  const core = await startAppCore({
    dataDir: path.join(dir, 'store'),
    seedsDir: path.resolve('seeds'),
    backups: false,
  });
  const store = core.store!;
  const addedAt = '2026-11-20T09:00:00.000Z';
  const geneva = articleFromPlainText(genevaText, {
    sourceFile: 'geneva.txt',
    addedAt,
    source: {
      outlet: 'Geneva Post',
      author: 'A. Writer',
      publishedAt: '2026-11-18',
      url: 'https://example.org/talks_2026/geneva?a=1&b=2',
    },
  });
  const ministry = articleFromPlainText(ministryText, { sourceFile: 'ministry.txt', addedAt });
  await store.addArticles([geneva, ministry]);
  const genevaId = geneva.record.id;
  const ministryId = ministry.record.id;
  await store.updateArticleRecord(ministryId, (record) => {
    record.flagCount = 2;
  });

  const services = createAppServices(store, () => new Date('2026-11-20T10:00:00Z'));
  const { annotations, briefings } = services;
  const highlight = async (articleId: string, from: string, to: string, category: string) => {
    const text = (await store.readArticle(articleId)).cleaned.text;
    const startAt = text.indexOf(from);
    const endAt = text.indexOf(to, startAt + from.length - to.length) + to.length;
    if (startAt < 0 || endAt < to.length) throw new Error(`"${from}" … "${to}" not in the article`);
    const start = [...text.slice(0, startAt)].length;
    const end = start + [...text.slice(startAt, endAt)].length;
    return (await annotations.createHighlight(articleId, start, end, category)).highlight;
  };
  const twoParagraphs = await highlight(
    genevaId,
    'Negotiators met',
    'two paragraphs of the article.',
    'key-judgment',
  );
  await annotations.updateHighlight(genevaId, twoParagraphs.id, {
    note: richNote,
    tags: ['guarantees', 'odd`tag'],
  });
  const arabic = await highlight(ministryId, 'قالت الوزارة', 'في جنيف.', 'evidence');
  const long = await highlight(genevaId, longParagraph, longParagraph, 'counterpoint');
  const french = await highlight(genevaId, 'Le ministre', 'Ærøskøbing.', 'question');

  let briefing = await briefings.create('Geneva talks: where things stand\u007F');
  briefing = await briefings.updateFields(briefing.id, {
    author: 'Policy desk',
    audience: 'Internal — not for distribution',
    bluf: 'Talks **resumed**; the outlook:\n\n- guarantees open\n- a deal remains *elusive*',
  });
  await annotations.updateHighlight(ministryId, arabic.id, { note: hostileNote(briefing.id) });
  for (const [articleId, item] of [
    [genevaId, twoParagraphs],
    [ministryId, arabic],
    [genevaId, long],
    [genevaId, french],
  ] as const)
    briefing = (await briefings.addHighlight(briefing.id, articleId, item.id)).briefing;
  const sections = structuredClone(briefing.sections);
  const evidence = sections.find((section) => section.items.some((item) => item.highlightId === arabic.id))!;
  evidence.items[0]!.commentary = 'הערה בעברית: המקור אמין.\nA second line of commentary.';
  briefing = await briefings.setSections(briefing.id, sections);
  return { core, store, briefing, genevaId, ministryId };
}

/** The text of a CommonMark node and its children. */
export function textOfNode(node: Node): string {
  let text = '';
  const walker = node.walker();
  let event;
  while ((event = walker.next())) if (event.entering && event.node.literal) text += event.node.literal;
  return text;
}

/**
 * Markdown imports keep their links as spans of the plain block text (inline,
 * reference-style, autolinks and bare addresses), with http, https and mailto
 * addresses only; images become their alt text; no Markdown syntax is left in
 * the text. The reader splits a run of text at link boundaries so a highlight
 * can start or end inside a link and the link stays one element.
 */
import { describe, expect, it } from 'vitest';
import { convertMarkdown } from '../../src/main/importing/markdown-to-lines';
import { importArticles } from '../../src/main/importing/import-articles';
import { annotatedSegments, linkGroups } from '../../src/renderer/src/lib/annotated-segments';
import type { Block, LinkSpan } from '../../src/shared/cleaned-article';
import type { HighlightView } from '../../src/shared/contract';
import { keptLinkHref } from '../../src/shared/link-href';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');

const memo = [
  '# Ceasefire Monitoring Options',
  '',
  'The 🛰 [monitoring report](https://example.org/report "Report") was cited by the',
  '**[mission](http://mission.example/about)** and, by reference, in [the annex][annex] too.',
  '',
  '![A map of the contact line](map.png)',
  '',
  'Write to <desk@example.org> or [the desk](mailto:desk@example.org); see <https://autolink.example/a>',
  'and https://bare.example/path?q=1 as well, where the full list of observers is kept up to date.',
  '',
  'Some addresses in the memo were not kept: [a script](javascript:alert(1)), [a file](file:///etc/passwd), [data](data:text/html,x), [relative](notes.md) and <b>bold html</b>, all of which stay as plain words in the paragraph.',
  '',
  '## Options considered by the [OSCE](https://osce.example/) in its last round of talks',
  '',
  '- An OSCE-style [civilian mission](https://example.org/civ) with observers along the whole line.',
  '- Satellite monitoring, see ![chart](c.png) the chart, shared among the allies every week.',
  '',
  '> Monitoring without [access](https://example.org/access) is just watching, as one official put it to the committee.',
  '',
  'The options are not exclusive; most proposals combine two or more of them, and the annex compares their costs.',
  '',
  '```',
  '[not a link](https://code.example/)',
  '```',
  '',
  '[annex]: https://example.org/annex',
].join('\n');

/** Each link as the text it covers and its address. */
function linked(holder: { text: string; links?: LinkSpan[] }): [string, string][] {
  const points = Array.from(holder.text);
  return (holder.links ?? []).map((link) => [points.slice(link.start, link.end).join(''), link.href]);
}

function allLinks(blocks: Block[]): [string, string][] {
  return blocks.flatMap((block) => {
    if (block.kind === 'break') return [];
    if (block.kind === 'list') return block.items.flatMap(linked);
    return linked(block);
  });
}

describe('the Markdown conversion', () => {
  it('keeps one line per source line and reduces the markup to its text', () => {
    const { lines } = convertMarkdown(memo);
    expect(lines.split('\n')).toHaveLength(memo.split('\n').length);
    const [prose, code] = lines.split('[not a link]');
    expect(prose).not.toMatch(/\]\(|\]\[|<https|<b>|\*\*|!\[/);
    expect(lines).toContain('Image: A map of the contact line');
    // An image inside a sentence is its alt text alone.
    expect(lines).toContain('Satellite monitoring, see chart the chart, shared');
    expect(lines).toContain('not kept: a script, a file, data, relative and bold html, all');
    // A reference definition is a blank line now; code is kept as written.
    expect(lines.split('\n').at(-1)).toBe('');
    expect(code).toMatch(/^\(https:\/\/code\.example\/\)\n/);
  });

  it('finds inline, reference-style, autolinked and bare links, and keeps only http, https and mailto', () => {
    const { links } = convertMarkdown(memo);
    expect(links.map((link) => [link.line, link.text, link.href])).toEqual([
      [3, 'monitoring report', 'https://example.org/report'],
      [4, 'mission', 'http://mission.example/about'],
      [4, 'the annex', 'https://example.org/annex'],
      [8, 'desk@example.org', 'mailto:desk@example.org'],
      [8, 'the desk', 'mailto:desk@example.org'],
      [8, 'https://autolink.example/a', 'https://autolink.example/a'],
      [9, 'https://bare.example/path?q=1', 'https://bare.example/path?q=1'],
      [13, 'OSCE', 'https://osce.example/'],
      [15, 'civilian mission', 'https://example.org/civ'],
      [18, 'access', 'https://example.org/access'],
    ]);
  });

  it('keeps an address only when it is absolute http, https or mailto without credentials', () => {
    expect(keptLinkHref('HTTPS://Example.org/a b')).toBe('https://example.org/a%20b');
    expect(keptLinkHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      'notes.md',
      '//example.org/x',
      'https://user:pw@example.org/',
      'mailto:',
      'http://',
    ])
      expect(keptLinkHref(bad), bad).toBeNull();
  });
});

describe('an imported Markdown article', () => {
  it('carries its links as spans of the plain block text, in every kind of block', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const [result] = await importArticles(
      store,
      [{ name: 'memo.md', bytes: new TextEncoder().encode(memo) }],
      now,
    );
    expect(result).toMatchObject({ status: 'imported', title: 'Ceasefire Monitoring Options' });
    const { cleaned } = await store.readArticle((result as { articleId: string }).articleId);
    expect(cleaned.text).not.toMatch(/\]\(|\]\[|<https|<b>|\*\*|!\[|javascript|file:/);
    expect(allLinks(cleaned.blocks)).toEqual([
      // The emoji before it counts one code point, as the body's offsets do.
      ['monitoring report', 'https://example.org/report'],
      ['mission', 'http://mission.example/about'],
      ['the annex', 'https://example.org/annex'],
      ['desk@example.org', 'mailto:desk@example.org'],
      ['the desk', 'mailto:desk@example.org'],
      ['https://autolink.example/a', 'https://autolink.example/a'],
      ['https://bare.example/path?q=1', 'https://bare.example/path?q=1'],
      ['OSCE', 'https://osce.example/'],
      ['civilian mission', 'https://example.org/civ'],
      ['access', 'https://example.org/access'],
    ]);
    const kinds = cleaned.blocks.filter((block) => 'links' in block || block.kind === 'list');
    expect(kinds.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'list', 'quote']);
    expect(cleaned.blocks.find((block) => block.kind === 'caption')).toMatchObject({
      text: expect.stringContaining('A map of the contact line'),
    });
    // A block without links has no `links` field at all: articles without links are stored as before.
    const dropped = cleaned.blocks.find(
      (block) => 'text' in block && block.text.startsWith('Some addresses'),
    );
    expect(dropped).toBeDefined();
    expect(dropped).not.toHaveProperty('links');
  });

  it('links the right occurrence of a label that appears twice in its paragraph', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const text =
      '# Two Reports\n\nThe report was late. The final [report](https://example.org/final) was not, said the desk on Friday afternoon.\n';
    const [result] = await importArticles(
      store,
      [{ name: 'two.md', bytes: new TextEncoder().encode(text) }],
      now,
    );
    const { cleaned } = await store.readArticle((result as { articleId: string }).articleId);
    const paragraph = cleaned.blocks.find((block) => block.kind === 'paragraph')!;
    expect(paragraph).toMatchObject({ links: [{ href: 'https://example.org/final' }] });
    const [span] = (paragraph as { links: LinkSpan[] }).links;
    expect(
      Array.from((paragraph as { text: string }).text)
        .slice(0, span!.start)
        .join(''),
    ).toBe('The report was late. The final ');
  });
});

describe('an imported HTML article', () => {
  const sentence =
    'Officials from thirty countries met in Brussels on Tuesday to discuss what support they could offer over the winter';
  const html = [
    '<html><head><title>Talks Resume in Brussels</title></head><body><article><h1>Talks Resume in Brussels</h1>',
    `<p>${sentence}, according to <a href="https://example.org/minutes">the minutes</a> and <a href="/relative/page">a relative page</a>.</p>`,
    `<p>${sentence}; <a href="javascript:alert(1)">a script</a> and <a href="mailto:press@example.org">the press office</a> were named.</p>`,
    `<ul><li>${sentence}, see <a href="http://example.org/annex">the annex</a> for the list of measures.</li><li>${sentence} and later.</li></ul>`,
    `<p>${sentence}, and the talks will continue next week in Geneva with the technical teams.</p>`,
    '</article></body></html>',
  ].join('');

  it('keeps its absolute http, https and mailto anchors as links; relative ones only with the page address', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const results = await importArticles(
      store,
      [
        { name: 'talks.html', bytes: new TextEncoder().encode(html) },
        {
          name: 'https://news.example/2026/talks',
          kind: 'url',
          url: 'https://news.example/2026/talks',
          bytes: new TextEncoder().encode(
            html.replace('Talks Resume', 'Talks Go On').replace('Talks Resume', 'Talks Go On'),
          ),
          format: 'html',
        },
      ],
      now,
    );
    const [file, fetched] = await Promise.all(
      results.map(async (result) => {
        expect(result).toMatchObject({ status: 'imported' });
        return (await store.readArticle((result as { articleId: string }).articleId)).cleaned;
      }),
    );
    expect(allLinks(file!.blocks)).toEqual([
      ['the minutes', 'https://example.org/minutes'],
      ['the press office', 'mailto:press@example.org'],
      ['the annex', 'http://example.org/annex'],
    ]);
    expect(allLinks(fetched!.blocks)).toEqual([
      ['the minutes', 'https://example.org/minutes'],
      ['a relative page', 'https://news.example/relative/page'],
      ['the press office', 'mailto:press@example.org'],
      ['the annex', 'http://example.org/annex'],
    ]);
    expect(file!.text).toContain('a script and the press office were named');
  }, 60_000); // Two pages through jsdom and Readability in the conversion process: 20 s under a load of 20.
});

describe('a run of text with a link and a highlight', () => {
  const highlight = (start: number, end: number) =>
    ({ id: 'h1', start, end, categoryId: 'evidence', orphaned: false }) as HighlightView;

  it('keeps the link one group when a highlight starts inside it', () => {
    // "See the monitoring report today": the link is "monitoring report" (8..25), the highlight 15..27.
    const text = 'See the monitoring report today';
    const links = [{ start: 8, end: 25, href: 'https://example.org/report' }];
    const groups = linkGroups(annotatedSegments(text, 100, [highlight(115, 127)], [], links));
    expect(groups.map((group) => [group.link?.href ?? null, group.segments.map((s) => s.text)])).toEqual([
      [null, ['See the ']],
      ['https://example.org/report', ['monitor', 'ing report']],
      [null, [' t', 'oday']],
    ]);
    expect(groups[1]!.segments.map((segment) => segment.highlights.length)).toEqual([0, 1]);
    expect(groups[2]!.segments.map((segment) => segment.highlights.length)).toEqual([1, 0]);
  });

  it('ignores a link span that does not fit the run', () => {
    const segments = annotatedSegments(
      'short',
      0,
      [],
      [],
      [{ start: 2, end: 40, href: 'https://x.example/' }],
    );
    expect(segments.map((segment) => [segment.text, segment.link])).toEqual([['short', null]]);
  });
});

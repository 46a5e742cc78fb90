/**
 * The HTML structure check (`htmlLimitReason`): what it counts, what it skips
 * (comments, raw-text elements in any case, elements that never nest), and
 * pages of several megabytes built to make a scan slow (unterminated tags,
 * quotes and comments, a script full of markup, non-Latin text). Its cost is
 * not timed here: a scan that went quadratic on these inputs would not end
 * within the test's time limit.
 */
import { describe, expect, it } from 'vitest';
import { htmlLimitReason } from '../../src/main/importing/structure-limits';

const page = (body: string) =>
  `<!doctype html><html><head><title>A page</title></head><body>${body}</body></html>`;
const megabytes = 5;
const size = megabytes * 2 ** 20;
const filled = (unit: string) => unit.repeat(Math.ceil(size / unit.length));

describe('what the structure check counts', () => {
  it('passes an ordinary page', () => {
    expect(
      htmlLimitReason(
        page('<article><h1>Talks</h1><p class="a" id="b">Text <a href="/x">link</a></p></article>'),
      ),
    ).toBeNull();
  });

  it('names each limit a page passes', () => {
    expect(htmlLimitReason(page('<div>'.repeat(401)))).toBe(
      'the page nests elements more than 400 levels deep',
    );
    expect(htmlLimitReason(page('<div></div>'.repeat(60_001)))).toBe(
      'the page has more than 60,000 elements',
    );
    const attributes = Array.from({ length: 257 }, (_, n) => `data-a${n}="${n}"`).join(' ');
    expect(htmlLimitReason(page(`<p ${attributes}>text</p>`))).toBe(
      'an element of the page has more than 256 attributes',
    );
  });

  it('counts end tags, so closed elements do not nest', () => {
    expect(htmlLimitReason(page('<div><span>a</span></div>'.repeat(10_000)))).toBeNull();
    expect(htmlLimitReason(page('<DIV>a</Div>'.repeat(10_000)))).toBeNull();
  });

  it('never nests elements whose end tag may be left out, void elements or self-closed ones', () => {
    expect(htmlLimitReason(page('<p>a<li>b<br><img src="x"><TD>c<x-icon/>'.repeat(1_000)))).toBeNull();
  });

  it('skips comments and the markup inside raw-text elements, in any case', () => {
    const markup = '<div>'.repeat(70_000);
    expect(htmlLimitReason(page(`<!-- ${markup} -->`))).toBeNull();
    expect(htmlLimitReason(page(`<script>var t = "${markup}";</script>`))).toBeNull();
    expect(htmlLimitReason(page(`<SCRIPT type="text/template">${markup}</Script><p>after</p>`))).toBeNull();
    expect(htmlLimitReason(page(`<textarea>${markup}</TEXTAREA>`))).toBeNull();
    // A raw-text element's name must end where the name ends: <scripts> is an ordinary element.
    expect(htmlLimitReason(page(`<scripts>${'<b>'.repeat(401)}</scripts>`))).toMatch(/levels deep/);
  });

  it('reads names at their place in the page when lower-casing would move them (İ becomes two characters)', () => {
    // The earlier scan looked names up in a lower-cased copy, where each "İ" before them is two
    // characters: it missed this <script> and counted the markup inside it.
    const turkish = 'İSTANBUL '.repeat(2_000);
    expect(
      htmlLimitReason(page(`<p>${turkish}</p><script>var t = "${'<br>'.repeat(70_000)}";</script>`)),
    ).toBeNull();
  });
});

describe(`pages of ${megabytes} MB built to make the scan slow`, () => {
  it.each<[string, () => string, string | null]>([
    ['one tag never closed', () => `<p ${filled('a')}`, null],
    ['a quote never closed', () => `<p title="${filled('a b ')}`, null],
    ['a comment never closed', () => `<!--${filled('<div>')}`, null],
    [
      'a script never closed, full of markup (counted: no end tag makes it text)',
      () => `<script>${filled('<div a=1>')}`,
      'the page nests elements more than 400 levels deep',
    ],
    [
      'a script closed again and again',
      () => filled('<script>x</script>'),
      'the page has more than 60,000 elements',
    ],
    ['only "<" characters', () => filled('<'), null],
    ['only "</" pairs', () => filled('</'), null],
    ['a name that never ends', () => `<${filled('a')}`, null],
    [
      'attributes without values',
      () => `<p ${filled('a ')}>`,
      'an element of the page has more than 256 attributes',
    ],
    [
      'non-Latin text between tags',
      () => filled('<p>Съезд İstanbul 会议</p>'),
      'the page has more than 60,000 elements',
    ],
    ['a raw-text end tag missing, with near misses', () => `<style>${filled('</styl </stylx ')}`, null],
  ])('%s', (_label, make, reason) => {
    const html = make();
    expect(html.length).toBeGreaterThanOrEqual(size);
    expect(htmlLimitReason(html)).toBe(reason);
  });
});

/**
 * Text in legacy encodings, written here with iconv-lite: each file is decoded
 * to the right text (by detection, a byte-order mark or a declared charset),
 * and the result names the encoding used.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importArticles } from '../../src/main/importing/import-articles';
import { storeOpener } from './store-helpers';
import { tempDirs } from './temp-dir';

const makeTempDir = tempDirs();
const open = storeOpener();
const now = new Date('2026-11-27T12:00:00.000Z');

const french =
  'Café au lait à la gare\n\nLe ministre a déclaré mardi que la réforme, très attendue, serait présentée « dès que possible ». Les élèves et leurs parents espèrent une décision rapide, même si la préfecture reste prudente.\n';
const polish =
  'Wybory w Łodzi\n\nZażółć gęślą jaźń: mieszkańcy Łodzi i Krakowa głosowali w niedzielę. Frekwencja była wyższa niż przed czterema laty, a komisja wyborcza ogłosi wyniki w środę wieczorem.\n';
const japanese =
  '東京で新しい政策を発表\n\n政府は火曜日、東京都内で新しい経済政策を発表しました。専門家は、物価の上昇が続く中で家計への影響が懸念されると指摘しています。\n';

const cases: [string, string, Uint8Array, string][] = [
  ['Windows-1252', french, iconv.encode(french, 'windows-1252'), 'windows-1252'],
  ['ISO-8859-2', polish, iconv.encode(polish, 'iso-8859-2'), 'iso-8859-2'],
  [
    'UTF-16LE with a BOM',
    polish,
    new Uint8Array([0xff, 0xfe, ...iconv.encode(polish, 'utf-16le')]),
    'utf-16le',
  ],
  [
    'UTF-16BE with a BOM',
    french,
    new Uint8Array([0xfe, 0xff, ...iconv.encode(french, 'utf-16be')]),
    'utf-16be',
  ],
  ['UTF-16LE without a BOM', french, iconv.encode(french, 'utf-16le'), 'utf-16le'],
  ['UTF-16BE without a BOM', french, iconv.encode(french, 'utf-16be'), 'utf-16be'],
  ['Shift_JIS', japanese, iconv.encode(japanese, 'shift_jis'), 'cp932'],
];

describe('text in other encodings', () => {
  it.each(cases)(
    'imports %s to the right text and names the encoding',
    async (_label, text, bytes, encoding) => {
      const store = await open({ dir: await makeTempDir(), backups: false });
      const [result] = await importArticles(store, [{ name: 'article.txt', bytes }], now);
      expect(result).toMatchObject({ status: 'imported', encoding, flagCount: 0 });
      const article = await store.readArticle((result as { articleId: string }).articleId);
      const body = text.split('\n\n')[1]!.trim();
      expect(article.cleaned.text).toContain(body);
      expect(article.cleaned.title).toBe(text.split('\n')[0]);
    },
  );

  it('trusts an HTML page’s declared charset', async () => {
    const store = await open({ dir: await makeTempDir(), backups: false });
    const html = `<!doctype html><html><head><meta charset="iso-8859-2"><title>Wybory</title></head><body><article><h1>Wybory w Łodzi</h1><p>${polish.split('\n\n')[1]}</p></article></body></html>`;
    const [result] = await importArticles(
      store,
      [{ name: 'page.html', bytes: iconv.encode(html, 'iso-8859-2') }],
      now,
    );
    expect(result).toMatchObject({ status: 'imported', encoding: 'iso-8859-2' });
    const article = await store.readArticle((result as { articleId: string }).articleId);
    expect(article.cleaned.text).toContain('Zażółć gęślą jaźń');
  });
});

/** Files the conversion-process tests import: a small prose file and a page that converts for seconds. */
import type { ImportFile } from '../../src/main/importing/import-articles';

export const now = new Date('2026-11-27T12:00:00.000Z');
export const prose =
  'Officials from thirty countries met on Tuesday to discuss support, and agreed to meet again in the spring. ';
export const file = (name: string, text: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});
/** A page that converts for seconds: past a budget of 300 ms, or of 48 MB. */
export const bigPage = () =>
  file(
    'big.html',
    `<html><head><title>Big</title></head><body><article><h1>Big</h1>${`<p>${prose.repeat(3)}</p>`.repeat(3_000)}</article></body></html>`,
  );

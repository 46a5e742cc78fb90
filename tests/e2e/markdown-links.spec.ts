/**
 * A Markdown file with links, imported through File › Import: its links are
 * real anchors with their addresses (no `[text](url)` left), a javascript:
 * link is plain text, clicking or pressing Enter on a link asks before it is
 * opened (Cancel opens nothing; only https opens, http and mailto are shown to
 * copy), a highlight can start inside a link, and a
 * long address wraps inside the reading column instead of overflowing it.
 */
import { writeFile } from 'node:fs/promises';
import { test, expect } from './harness/fixtures';

const longUrl = `https://archive.example.org/${'very-long-path-segment-without-any-break-'.repeat(6)}end?query=${'x'.repeat(80)}`;

const memo = [
  '# Grain Corridor Talks',
  '',
  'Negotiators met in Istanbul, according to the [ministry statement](https://example.org/statement), and agreed to meet again next week to settle the inspection rules for the ships.',
  '',
  'The full transcript is kept at ' + longUrl + ' for anyone who needs the exact wording of the agreement.',
  '',
  'A [suspicious link](javascript:alert(1)) in the source stays as plain words, and ![a map of the corridor](map.png) shows the route.',
  '',
  '- Questions about the inspection rules go to [the desk](mailto:desk@example.org) before Friday, as usual.',
  '- The earlier round of talks in Ankara is summarised in the [first report][first], with its annexes.',
  '',
  'The delegations will bring their technical teams to the next meeting, where the inspection rules are expected to be settled.',
  '',
  '[first]: http://example.org/first-round',
].join('\n');

test('a Markdown import shows its links as links that ask before opening, and long addresses wrap', async ({
  app,
}) => {
  const file = test.info().outputPath('grain-talks.md');
  await writeFile(file, memo);
  await app.importThroughMenu([file]);
  await expect(app.library.importPanel.getByRole('heading')).toHaveText(
    'Import finished: 1 imported, 0 duplicate, 0 rejected',
    { timeout: 30_000 },
  );
  await app.library.open('Grain Corridor Talks');
  const body = app.reader.body;
  const statement = body.getByRole('link', { name: 'ministry statement' });
  await expect(statement).toHaveAttribute('href', 'https://example.org/statement');
  await expect(body.getByRole('link', { name: 'the desk' })).toHaveAttribute(
    'href',
    'mailto:desk@example.org',
  );
  await expect(body.getByRole('link', { name: 'first report' })).toHaveAttribute(
    'href',
    'http://example.org/first-round',
  );
  await expect(body.getByRole('link', { name: longUrl })).toHaveAttribute('href', longUrl);
  await expect(body.getByRole('link')).toHaveCount(4);
  await expect(body).toContainText(
    'A suspicious link in the source stays as plain words, and a map of the corridor',
  );
  await expect(body).not.toContainText('](');
  await expect(body).not.toContainText('[first]');

  // A long address wraps: nothing is wider than the reading column.
  const widths = await body.evaluate((element) => {
    const paragraph = [...element.querySelectorAll('p')].find((p) => p.textContent?.includes('transcript'))!;
    return {
      body: [element.scrollWidth, element.clientWidth],
      paragraph: [paragraph.scrollWidth, paragraph.clientWidth],
      lines: Math.round(
        paragraph.getBoundingClientRect().height / parseFloat(getComputedStyle(paragraph).lineHeight),
      ),
    };
  });
  expect(widths.body[0]).toBeLessThanOrEqual(widths.body[1]!);
  expect(widths.paragraph[0]).toBeLessThanOrEqual(widths.paragraph[1]!);
  expect(widths.lines).toBeGreaterThan(2);

  // A highlight starting inside the link leaves the link one element, the highlight inside it.
  await app.reader.highlight('statement, and agreed', 2);
  await expect(statement).toHaveCount(1);
  await expect(statement.locator('.hl')).toHaveText('statement');

  // A click asks first; Cancel opens nothing.
  await statement.click();
  const dialog = app.page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(dialog).toContainText('https://example.org/statement');
  await app.screenshot('markdown-link-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.externalLinks()).toEqual([]);

  // From the keyboard: the link takes focus, Enter asks, "Open link" opens it.
  await statement.focus();
  await app.page.keyboard.press('Enter');
  await expect(dialog).toContainText('https://example.org/statement');
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(() => app.externalLinks()).toEqual(['https://example.org/statement']);
  expect(app.page.context().pages()).toHaveLength(1);

  // An http or mailto address is shown to copy, never opened: the app opens https only.
  const notOpened = app.page.getByRole('dialog', { name: 'This link is not opened from Briefing Reader' });
  await body.getByRole('link', { name: 'first report' }).click();
  await expect(notOpened).toContainText('http://example.org/first-round');
  await expect(notOpened).toContainText('It is not encrypted (http)');
  await expect(notOpened.getByRole('button', { name: 'Open link' })).toHaveCount(0);
  await notOpened.getByRole('button', { name: 'Copy address' }).click();
  await expect(notOpened.getByRole('status')).toHaveText('Address copied');
  await app.screenshot('markdown-link-http');
  await notOpened.getByRole('button', { name: 'Close' }).click();
  await body.getByRole('link', { name: 'the desk' }).click();
  await expect(notOpened).toContainText('mailto:desk@example.org');
  await expect(notOpened).toContainText('copy it into your mail program');
  await expect(notOpened.getByRole('button', { name: 'Open link' })).toHaveCount(0);
  await notOpened.getByRole('button', { name: 'Close' }).click();
  expect(await app.externalLinks()).toEqual(['https://example.org/statement']);
  await body.getByRole('link', { name: longUrl }).scrollIntoViewIfNeeded();
  await app.screenshot('markdown-links-reader');
});

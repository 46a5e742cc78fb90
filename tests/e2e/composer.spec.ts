/**
 * The composer's navigation: a menu chooses the briefing B and "+ Briefing"
 * add to (the last used on top), every highlight names the briefings it is in,
 * an excerpt in the editor opens its passage in the article, and a compact
 * outline shows one line per item for the rest of the session.
 */
import { test, expect } from './harness/fixtures';

const summitSeed = 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal';
const pledge = 'the United States would help guarantee Ukraine’s security';
const elusive = 'a peace deal remains elusive';

test('choose the target briefing, see where a highlight is, jump to a passage, outline a briefing', async ({
  app,
}) => {
  test.setTimeout(90_000);
  // B with no briefing creates one; it is renamed "Morning brief". A second briefing, "Evening brief".
  await app.library.open(summitSeed);
  await app.reader.select(pledge);
  await app.page.keyboard.press('1');
  await expect(app.reader.editor.locator('blockquote')).toHaveText(pledge);
  await app.page.keyboard.press('b');
  await expect(app.header.toast('Added to the briefing “Untitled briefing”')).toBeVisible();
  await app.reader.select(elusive);
  await app.page.keyboard.press('3');
  await expect(app.reader.editor.locator('blockquote')).toHaveText(elusive);
  await app.page.keyboard.press('b');
  await expect(app.header.toast('Added to the briefing “Untitled briefing”')).toBeVisible();
  await app.reader.backButton.click();
  await app.header.go('Briefings');
  await app.briefings.rename('Morning brief');
  await expect(app.page.getByRole('navigation', { name: 'Briefings' })).toContainText('Morning brief');
  await app.briefings.create();
  await app.briefings.rename('Evening brief');
  await expect(app.page.getByRole('navigation', { name: 'Briefings' })).toContainText('Evening brief');

  // The reader: the highlight names its briefing; the menu has the last used (Evening) on top.
  await app.header.go('Library');
  await app.library.open(summitSeed);
  await app.reader.highlightMarks.first().click();
  await expect(app.reader.inBriefings).toHaveText('In: Morning brief');
  await expect(app.reader.targetMenu.locator('option')).toHaveText(['Evening brief', 'Morning brief']);
  await expect(app.reader.targetMenu).toHaveValue(/.+/);
  expect(await app.reader.targetMenu.locator('option:checked').textContent()).toBe('Evening brief');
  await app.page.keyboard.press('b');
  await expect(app.header.toast('Added to the briefing “Evening brief”')).toBeVisible();
  await expect(app.reader.inBriefings).toHaveText(
    /^In: (Morning brief, Evening brief|Evening brief, Morning brief)$/,
  );

  // Choosing Morning brief makes B add there (already in it) and puts it on top.
  await app.reader.targetMenu.selectOption({ label: 'Morning brief' });
  await expect(app.reader.targetMenu.locator('option')).toHaveText(['Morning brief', 'Evening brief']);
  await app.page.keyboard.press('Escape');
  await app.reader.highlightMarks.first().click();
  await app.page.keyboard.press('b');
  await expect(app.header.toast('Already in the briefing “Morning brief”')).toBeVisible();
  await app.screenshot('composer-target-menu');

  // The library-wide list names the briefings on each row, and has the same menu.
  await app.reader.backButton.click();
  await app.header.go('Highlights');
  await expect(app.highlights.row(pledge)).toContainText(/In: .*Morning brief/);
  await expect(app.highlights.row(pledge)).toContainText(/Evening brief/);
  await expect(app.highlights.row(elusive)).toContainText('In: Morning brief');
  await expect(app.highlights.row(elusive)).not.toContainText('Evening brief');
  await app.highlights.targetMenu.selectOption({ label: 'Evening brief' });
  await app.highlights.briefingButton(elusive).click();
  await expect(app.header.toast('Added to the briefing “Evening brief”')).toBeVisible();
  await expect(app.highlights.row(elusive)).toContainText(/Evening brief/);
  await app.screenshot('composer-highlight-rows');

  // Clicking an excerpt in the editor opens the article with that highlight selected.
  await app.header.go('Briefings');
  await app.briefings.open('Morning brief');
  await app.briefings.jumpTo(elusive);
  await expect(app.reader.editor.locator('blockquote')).toHaveText(elusive);
  await expect(app.reader.body.locator('.hl.selected').first()).toBeVisible();
  await app.reader.backButton.click();

  // The compact outline: one line per item (excerpt start and source number), no commentary or controls.
  await app.briefings.open('Morning brief');
  await expect(app.briefings.editor.getByLabel('Commentary')).toHaveCount(2);
  await app.briefings.outlineToggle.check();
  await expect(app.briefings.items).toHaveCount(2);
  await expect(app.briefings.editor.getByLabel('Commentary')).toHaveCount(0);
  await expect(app.briefings.items.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await expect(app.briefings.items.first()).toContainText('[1]');
  await app.screenshot('composer-outline');
  // Remembered for the session: back after another view.
  await app.header.go('Library');
  await app.header.go('Briefings');
  await expect(app.briefings.outlineToggle).toBeChecked();
  await expect(app.briefings.editor.getByLabel('Commentary')).toHaveCount(0);
  // An excerpt in the outline jumps too.
  await app.briefings.jumpTo(pledge.slice(0, 30));
  await expect(app.reader.editor.locator('blockquote')).toHaveText(pledge);
});

/**
 * How a briefing is printed to PDF, in one place for the app (Electron's
 * `webContents.printToPDF`) and the tests and benchmark (Chromium through
 * Playwright's `page.pdf`): page size, margins, the page-number footer, and
 * Chromium's tagged PDF (a structure tree for screen readers) and document
 * outline (bookmarks from the headings).
 */
import type { PageSize } from './export-formats';

/** Margins in inches: top, bottom, left, right. */
const margins = { top: 0.7, bottom: 0.8, left: 0.8, right: 0.8 };

const footerTemplate =
  '<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** Options for Electron's `webContents.printToPDF`. */
export function electronPdfOptions(pageSize: PageSize) {
  return {
    pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate,
    margins,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** The same options for Playwright's `page.pdf` (Chromium's DevTools protocol). */
export function playwrightPdfOptions(pageSize: PageSize) {
  const inches = (value: number) => `${value}in`;
  return {
    format: pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<div></div>',
    footerTemplate,
    margin: {
      top: inches(margins.top),
      bottom: inches(margins.bottom),
      left: inches(margins.left),
      right: inches(margins.right),
    },
    tagged: true,
    outline: true,
  };
}

/**
 * Text as every export format can carry it: line ends as LF, and no character
 * a reader rejects. XML 1.0 (DOCX) forbids C0 controls other than tab and line
 * feed, lone surrogates and U+FFFE/U+FFFF; YAML parsers reject DEL and C1
 * controls; the HTML validator rejects controls and non-characters. They carry
 * no meaning in a briefing, so they are dropped from the document model once.
 */

// C0 controls but tab and LF, DEL and C1 controls, lone surrogates, and the non-characters
// U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane.
const unwanted =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(unwanted, '');
}

/**
 * Text to be wrapped in double quotation marks: its own double quotes become
 * single ones (“… ‘everything’ …”), as English punctuation nests them.
 */
export function nestQuotes(text: string): string {
  return text
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{])"/g, '$1‘')
    .replace(/"/g, '’');
}

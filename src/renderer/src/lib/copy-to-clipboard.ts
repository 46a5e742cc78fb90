/**
 * Puts text on the clipboard inside a click's copy event (text/plain and,
 * when given, text/html), so no clipboard permission is needed in Electron or
 * in a browser. Must run inside a user gesture; true when the copy was taken.
 */
export function copyToClipboard(parts: { plain: string; html?: string }): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (parts.html !== undefined) event.clipboardData?.setData('text/html', parts.html);
    event.clipboardData?.setData('text/plain', parts.plain);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy, { once: true });
  document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
  return written;
}

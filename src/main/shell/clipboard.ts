/**
 * Reads the system clipboard for "Paste as article": the window has no
 * permission to read it (every permission request is refused), so the main
 * process reads its HTML and plain text when the user asks.
 */
import { clipboard } from 'electron';

export async function readClipboard(): Promise<{ html?: string; text?: string }> {
  const content: { html?: string; text?: string } = {};
  for (const item of await clipboard.read()) {
    if (!content.html && item.types.includes('text/html'))
      content.html = await (await item.getType('text/html')).text();
    if (!content.text && item.types.includes('text/plain'))
      content.text = await (await item.getType('text/plain')).text();
  }
  return content;
}

// @vitest-environment jsdom
/**
 * The reader's note view (renderer/lib/markdown.ts) in a DOM: DOMPurify with
 * the shared policy strips form-like and clobbering markup, and pathological
 * notes (100,000 nested quotes, `_a` × 100,000) come back as escaped plain
 * text with a notice instead of being parsed.
 */
import { describe, expect, it } from 'vitest';
import { renderNote } from '../../src/renderer/src/lib/markdown';

describe('note view', () => {
  it('renders Markdown and strips forms, templates, ids and names', () => {
    const note = [
      '**bold** [link](https://example.org/a_b)',
      '',
      '<textarea>x</textarea><select><option>1</option></select><template><p>t</p></template>',
      '<form action="https://evil.example"><input name="q"></form>',
      '<a id="__proto__" name="location" href="https://example.org">c</a><p id="body">p</p>',
      '<img src=x onerror=alert(1)><script>alert(1)</script><dialog open>d</dialog>',
    ].join('\n');
    const { html, notice } = renderNote(note);
    expect(notice).toBeNull();
    const root = document.createElement('div');
    root.innerHTML = html;
    expect(root.querySelector('strong')!.textContent).toBe('bold');
    expect(root.querySelector('a[href="https://example.org/a_b"]')).not.toBeNull();
    expect(
      root.querySelectorAll('textarea, select, option, template, form, input, img, script, dialog'),
    ).toHaveLength(0);
    expect(root.querySelectorAll('[id], [name], [onerror], [action]')).toHaveLength(0);
  });

  it.each([
    ['100,000 nested quotes', `${'>'.repeat(100_000)} deep`],
    ['_a × 100,000', '_a'.repeat(100_000)],
    [
      'a deeply indented list',
      Array.from({ length: 200 }, (_, n) => `${'  '.repeat(n)}- level ${n}`).join('\n'),
    ],
  ])('shows %s as text with a notice', (_name, note) => {
    const { html, notice } = renderNote(note);
    expect(notice).toMatch(/shown as plain text/);
    const root = document.createElement('div');
    root.innerHTML = html;
    expect(root.textContent).toBe(note);
    expect(root.querySelectorAll('blockquote, em, li')).toHaveLength(0);
  });
});

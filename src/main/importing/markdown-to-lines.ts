/**
 * Prepares Markdown for the same structuring as plain text. The block markers
 * the cleaner understands (#, >, -, 1.) stay; inline markup is reduced to its
 * text (links to their label, emphasis and code marks removed), images become
 * caption lines, and HTML blocks are dropped: nothing is ever rendered as HTML.
 * A level-one heading on the first line is the article's headline.
 */
export function markdownToLines(markdown: string): string {
  return markdown
    .replace(/^\uFEFF?[ \t]*# +(\S.*)$/m, (line, title: string) =>
      markdown.trimStart().startsWith(line.trim()) ? title : line,
    )
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ''))
    .replace(/<[^<>\n]+>/g, '')
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, (_m, alt: string) => (alt ? `Image: ${alt}` : ''))
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])([^*_\n]+)\2(?!\w)/g, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1');
}

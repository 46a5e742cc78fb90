/** The formats a briefing exports to, with their file extensions and names for the save dialog. */
export const exportFormats = {
  md: { extension: 'md', label: 'Markdown' },
  html: { extension: 'html', label: 'Web page (HTML)' },
  pdf: { extension: 'pdf', label: 'PDF' },
  docx: { extension: 'docx', label: 'Word document' },
  json: { extension: 'jsonld', label: 'W3C Web Annotations (JSON-LD)' },
} as const;
export type ExportFormat = keyof typeof exportFormats;
export type PageSize = 'A4' | 'Letter';

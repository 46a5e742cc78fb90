/**
 * The names of every IPC method and the channel each travels on.
 *
 * Kept apart from the zod schemas so the sandboxed preload script can build
 * `window.api` from this list without bundling a validation library it never uses.
 */
export const channels = {
  getStatus: 'store:status',
  listArticles: 'library:list',
  getArticle: 'article:get',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  updateArticleMetadata: 'article:update-metadata',
  deleteArticle: 'article:delete',
  setLineChoice: 'article:set-line-choice',
  importFiles: 'import:files',
  pickImportFiles: 'import:pick',
  importPickedFile: 'import:picked-file',
  importFromAddress: 'import:address',
  importClipboard: 'import:clipboard',
  importSystemClipboard: 'import:system-clipboard',
  cancelImport: 'import:cancel',
  createHighlight: 'highlight:create',
  updateHighlight: 'highlight:update',
  deleteHighlight: 'highlight:delete',
  setArticleNote: 'article:set-note',
  listHighlights: 'highlights:list',
  listTags: 'tags:list',
  undo: 'history:undo',
  redo: 'history:redo',
  openExternal: 'shell:open-external',
  listBriefings: 'briefings:list',
  createBriefing: 'briefing:create',
  getBriefing: 'briefing:get',
  updateBriefing: 'briefing:update',
  setBriefingSections: 'briefing:set-sections',
  addToBriefing: 'briefing:add-highlight',
  deleteBriefing: 'briefing:delete',
  exportBriefing: 'briefing:export',
  previewBriefing: 'briefing:preview',
  listBriefingMemberships: 'briefings:memberships',
  clipBriefingPart: 'briefing:clip',
  listBriefingTemplates: 'briefing-templates:list',
  saveBriefingTemplate: 'briefing-template:save',
  openExportedFile: 'export:open',
  showExportedFile: 'export:show-in-folder',
  getExportTarget: 'export:target',
  setExportFolder: 'export:set-folder',
  articleUsage: 'article:usage',
  setReadingPosition: 'article:reading-position',
  setArticleRead: 'article:set-read',
  listStories: 'stories:list',
  createStory: 'story:create',
  renameStory: 'story:rename',
  deleteStory: 'story:delete',
  addToStory: 'story:add-articles',
  removeFromStory: 'story:remove-articles',
  search: 'search:query',
  analyzeStory: 'story-desk:analyze',
  setEntityChoices: 'story-desk:entity-choices',
  suggestStories: 'story-desk:suggest',
  addSourcesCompared: 'story-desk:add-to-briefing',
  listArticlePage: 'library:page',
  startWindow: 'window:start',
} as const;

/** Events the main process sends to the page, each with the method `window.api` offers to listen to it. */
export const events = {
  onMenuCommand: 'menu:command',
} as const;

export type ApiEvent = keyof typeof events;

export type ApiMethod = keyof typeof channels;
export type ApiChannel = (typeof channels)[ApiMethod];

export const apiMethods = Object.keys(channels) as ApiMethod[];

/** Finds the method served on a channel, or undefined for a channel outside the contract. */
export function methodForChannel(channel: string): ApiMethod | undefined {
  return apiMethods.find((method) => channels[method] === channel);
}

/** The drag-and-drop type that carries an article id from a library row to a story. */
export const articleDragType = 'application/x-briefing-reader-article';

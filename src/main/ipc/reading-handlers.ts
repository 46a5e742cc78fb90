/** The IPC methods for reading state (where the reader stopped, read or unread): adapters over the reading service. */
import type { AppServices } from '../app-services';
import type { Handlers } from './handler-types';

export function createReadingHandlers({
  reading,
}: AppServices): Pick<Handlers, 'setReadingPosition' | 'setArticleRead'> {
  return {
    setReadingPosition: ({ articleId, offset, progress }) => reading.setPosition(articleId, offset, progress),
    setArticleRead: ({ articleId, read }) => reading.setRead(articleId, read),
  };
}

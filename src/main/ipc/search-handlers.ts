/** The IPC method for search: an adapter over the search service (src/main/search/). */
import type { AppServices } from '../app-services';
import type { Handlers } from './handler-types';

export function createSearchHandlers({ search }: AppServices): Pick<Handlers, 'search'> {
  return {
    search: ({ query }) => search.search(query),
  };
}

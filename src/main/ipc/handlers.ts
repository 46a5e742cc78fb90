/**
 * Every IPC method, composed from the handler group of each feature over the
 * app's services. A store that failed to open gets one handler set that
 * answers "unavailable" for everything but the status, instead of a check in
 * every method.
 */
import { AppFailure } from '../../shared/api-error';
import { apiMethods } from '../../shared/channels';
import type { AppCore } from '../app-core';
import { createAnnotationHandlers } from './annotation-handlers';
import { createArticleHandlers } from './article-handlers';
import { createBriefingHandlers } from './briefing-handlers';
import { noServices, type Handlers, type HandlerServices } from './handler-types';
import { createImportHandlers } from './import-handlers';
import { createSourceImportHandlers } from './source-import-handlers';
import { createExportTargetHandlers } from './export-target-handlers';
import { createLineChoiceHandlers } from './line-choice-handlers';
import { createStoryHandlers } from './story-handlers';
import { createReadingHandlers } from './reading-handlers';
import { createSearchHandlers } from './search-handlers';
import { createStoryDeskHandlers } from './story-desk-handlers';
import { createWindowStartHandler, unavailableWindowStart } from './window-start-handlers';

export { noServices, type Handlers, type HandlerServices } from './handler-types';

function unavailableHandlers(core: AppCore): Handlers {
  const reason = core.status.state === 'failed' ? core.status.reason : 'unknown reason';
  const refuse = () => {
    throw new AppFailure('store-unavailable', `The library could not be opened: ${reason}`);
  };
  const handlers = Object.fromEntries(apiMethods.map((method) => [method, refuse])) as unknown as Handlers;
  return { ...handlers, getStatus: () => core.status, startWindow: unavailableWindowStart(core) };
}

export function createHandlers(core: AppCore, services: HandlerServices = noServices): Handlers {
  const app = core.services;
  if (!app) return unavailableHandlers(core);
  const now = services.now ?? (() => new Date());
  const articleHandlers = createArticleHandlers(app, () => core.startBackgroundWork?.());
  return {
    getStatus: () => core.status,
    ...articleHandlers,
    ...createImportHandlers(app, services),
    ...createSourceImportHandlers(() => app.store, now, services.readClipboard),
    ...createLineChoiceHandlers(app.store, app.texts, articleHandlers.getArticle, app.history),
    ...createAnnotationHandlers(app, services),
    ...createBriefingHandlers(app, services),
    ...createExportTargetHandlers(app, services),
    ...createStoryHandlers(app),
    ...createReadingHandlers(app),
    ...createSearchHandlers(app),
    ...createStoryDeskHandlers(app),
    startWindow: createWindowStartHandler(core, app),
  };
}

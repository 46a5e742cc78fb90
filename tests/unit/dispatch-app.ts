/**
 * A started app core on the bundled seeds with its IPC dispatcher, for tests
 * that drive the app the way the renderer does: `call` returns the envelope,
 * `ok` the value (or throws). Cores are closed after each test, before its temp folders are removed.
 */
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ApiEnvelope } from '../../src/shared/api-error';
import { channels, type ApiMethod } from '../../src/shared/channels';
import type { ApiReply, ApiRequest } from '../../src/shared/contract';
import { startAppCore, type AppCore, type AppCoreOptions } from '../../src/main/app-core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { closeBeforeRemoving } from './temp-dir';

const seedsDir = path.resolve('seeds');
const cores: AppCore[] = [];
const closeCores = async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
};
afterEach(closeCores);
// Before the test's temp folders go: a closing core still writes into its store folder.
closeBeforeRemoving(closeCores);

export async function dispatchApp(dataDir: string, options: Partial<AppCoreOptions> = {}) {
  const core = await startAppCore({ dataDir, seedsDir, backups: false, ...options });
  cores.push(core);
  const dispatch = createDispatcher(createHandlers(core), { logError: () => {} });
  async function call<M extends ApiMethod>(
    method: M,
    request: ApiRequest<M>,
  ): Promise<ApiEnvelope<ApiReply<M>>> {
    return (await dispatch(channels[method], request)) as ApiEnvelope<ApiReply<M>>;
  }
  async function ok<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiReply<M>> {
    const envelope = await call(method, request);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
    return envelope.value;
  }
  return { core, call, ok };
}

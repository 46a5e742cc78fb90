/**
 * A view the library's first screen does not need, kept out of the start-up bundle (issue 14):
 * its code is a separate chunk, fetched the first time the view is shown or, sooner, once the
 * first screen is painted (`preload`), so opening it later waits for nothing. Until it has come,
 * `component` is null and the view's place says so (`LazyViewSlot.svelte`); a chunk that could
 * not be fetched (the server gone in browser mode, a damaged install) is said there too, never
 * left as an empty view.
 */
import type { Component } from 'svelte';
import { messageOf } from './api';

/** Any component (its props are whatever the loaded module's default export takes). */
type AnyComponent = Component<never>;

export interface LazyView<View extends AnyComponent> {
  /** The view's component once its code is in (asking for it if not yet asked). */
  readonly component: View | null;
  /** Why the last fetch of its code failed; null while none has failed since the last try. */
  readonly error: string | null;
  preload(): Promise<unknown>;
}

export function lazyView<View extends AnyComponent>(load: () => Promise<{ default: View }>): LazyView<View> {
  let loaded = $state.raw<View | null>(null);
  let error = $state<string | null>(null);
  let loading: Promise<unknown> | null = null;
  const preload = () => {
    if (loading) return loading;
    if (error !== null) error = null; // (never written from the `component` read, which runs inside a derived)
    loading = load().then(
      (module) => (loaded = module.default),
      (failure: unknown) => {
        loading = null; // asked again by the next `preload`
        error = messageOf(failure);
        throw failure;
      },
    );
    return loading;
  };
  return {
    get component() {
      // (A failed fetch is not asked again on every read: Chromium would answer the same failure.)
      if (!loaded && !loading && error === null) preload().catch(() => {});
      return loaded;
    },
    get error() {
      return error;
    },
    preload,
  };
}

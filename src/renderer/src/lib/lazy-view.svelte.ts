/**
 * A view the library's first screen does not need, kept out of the start-up bundle (issue 14):
 * its code is a separate chunk, fetched the first time the view is shown or, sooner, once the
 * first screen is painted (`preload`), so opening it later waits for nothing. Until it has come,
 * `component` is null and the view's place stays empty.
 */
import type { Component } from 'svelte';

/** Any component (its props are whatever the loaded module's default export takes). */
type AnyComponent = Component<never>;

export interface LazyView<View extends AnyComponent> {
  /** The view's component once its code is in (asking for it if not yet asked). */
  readonly component: View | null;
  preload(): Promise<unknown>;
}

export function lazyView<View extends AnyComponent>(load: () => Promise<{ default: View }>): LazyView<View> {
  let loaded = $state.raw<View | null>(null);
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        loading = null; // asked again next time it is shown
        throw error;
      },
    ));
  return {
    get component() {
      if (!loaded) preload().catch(() => {});
      return loaded;
    },
    preload,
  };
}

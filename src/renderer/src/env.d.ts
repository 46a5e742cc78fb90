/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { BriefingApi } from '../../shared/api-types';

declare global {
  interface Window {
    /** Provided by the preload script (or the test harness); absent in a plain browser. */
    api?: BriefingApi;
  }
}

/**
 * The conversion process's CPU priority: as far below the app's as the OS
 * allows (nice 19 for an app at the usual 0), so the app's own process (every
 * save, every other request) gets the CPU first when both want it. Relative
 * to the app's, so an app started at another priority keeps the same margin.
 */
export function lowestPriorityBelow(appNice: number): number {
  return Math.min(19, appNice + 19);
}

/**
 * Page object for the whole app: gives specs the library and reader screens,
 * screenshots named by project, and a restart that keeps the same profile.
 */
import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { LibraryScreen } from './library-screen';
import { ReaderScreen } from './reader-screen';
import { BriefingsScreen, HeaderScreen, HighlightsScreen } from './workspace-screens';

export const screenshotDir = path.resolve('test-results/screens');

/** What a spec can do to the world around the app: its dialogs, browser and file manager. */
export interface AppHooks {
  menuImport: (paths: string[]) => Promise<void>;
  externalLinks: () => Promise<string[]>;
  chooseSavePaths: (paths: string[]) => Promise<void>;
  openedFiles: () => Promise<{ opened: string[]; shown: string[] }>;
}

export class BriefingApp {
  constructor(
    public page: Page,
    private readonly relaunch: (whileClosed?: () => Promise<void>) => Promise<Page>,
    private readonly hooks: AppHooks,
  ) {}

  /** Chooses File › Import Articles… (once the library shows) and picks `paths` in the open dialog. */
  async importThroughMenu(paths: string[]): Promise<void> {
    await this.library.heading.waitFor();
    await this.hooks.menuImport(paths);
  }

  /** The links the app has asked the system browser to open. */
  externalLinks(): Promise<string[]> {
    return this.hooks.externalLinks();
  }

  /** Makes the next save dialogs answer with these paths, in turn. */
  chooseSavePaths(paths: string[]): Promise<void> {
    return this.hooks.chooseSavePaths(paths);
  }

  /** Files the app asked the system to open or to show in their folder. */
  openedFiles(): Promise<{ opened: string[]; shown: string[] }> {
    return this.hooks.openedFiles();
  }

  get library(): LibraryScreen {
    return new LibraryScreen(this.page);
  }

  get reader(): ReaderScreen {
    return new ReaderScreen(this.page);
  }

  get header(): HeaderScreen {
    return new HeaderScreen(this.page);
  }

  get highlights(): HighlightsScreen {
    return new HighlightsScreen(this.page);
  }

  get briefings(): BriefingsScreen {
    return new BriefingsScreen(this.page);
  }

  themeOption(name: 'System' | 'Light' | 'Dark') {
    return this.page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name });
  }

  /** The page's computed canvas colour, to tell which theme is in force. */
  async canvasColor(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** Quits and relaunches on the same profile; `whileClosed` runs while the app is not running. */
  async restart(whileClosed?: () => Promise<void>): Promise<void> {
    this.page = await this.relaunch(whileClosed);
  }

  /** Saves what the window shows (not the whole scrolled page, which would misplace sticky parts). */
  async screenshot(name: string): Promise<string> {
    const file = path.join(screenshotDir, `${test.info().project.name}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

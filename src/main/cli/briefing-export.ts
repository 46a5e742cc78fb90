/**
 * `briefing list --db PATH` and `briefing export --db PATH --briefing ID|TITLE
 * --format md|html|docx|json --out FILE`: the app's briefings and exports on
 * the command line, through the same store and export modules. The store lock
 * keeps the command from writing while the app has the library open.
 */
import { createAppServices, type AppServices } from '../app-services';
import { exportBriefing } from '../briefings/export-briefing';
import { exportFormats, type ExportFormat } from '../briefings/export-formats';
import { openLibraryStore } from '../store/library-store';

/** The formats the command line writes: every export format but PDF, which needs Chromium's printing. */
const cliFormats = (Object.keys(exportFormats) as ExportFormat[]).filter((format) => format !== 'pdf');

export interface ParsedOptions {
  [name: string]: string | undefined;
}

export function parseOptions(args: string[]): ParsedOptions {
  const options: ParsedOptions = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2);
    options[name!] = inline ?? args[(i += 1)];
  }
  return options;
}

async function withServices<T>(db: string, task: (services: AppServices) => Promise<T>): Promise<T> {
  const store = await openLibraryStore({ dir: db, backups: false });
  try {
    return await task(createAppServices(store));
  } finally {
    await store.close();
  }
}

export async function listBriefings(db: string): Promise<string> {
  return withServices(db, async ({ store }) => {
    const rows = store.briefings().briefings.map((briefing) => {
      const items = briefing.sections.reduce((sum, section) => sum + section.items.length, 0);
      return `${briefing.id}\t${briefing.date}\t${items} items\t${briefing.title}`;
    });
    return rows.length ? `${rows.join('\n')}\n` : 'No briefings.\n';
  });
}

export async function exportFromCli(options: ParsedOptions): Promise<string> {
  const { db, briefing: wanted, format, out } = options;
  const formats = cliFormats.join('|');
  if (!db || !wanted || !format || !out)
    throw new Error(`export needs --db PATH --briefing ID|TITLE --format ${formats} --out FILE`);
  if (!(cliFormats as string[]).includes(format))
    throw new Error(`--format must be one of ${cliFormats.join(', ')} (PDF needs the app), not "${format}"`);
  return withServices(db, async ({ store, briefings }) => {
    let briefing;
    try {
      briefing = briefings.findByIdOrTitle(wanted);
    } catch (error) {
      throw new Error(`${(error as Error).message} (see: briefing list --db ${db})`, { cause: error });
    }
    const result = await exportBriefing(store, briefing, { format: format as ExportFormat, target: out });
    return `Wrote ${result.path} (${result.bytes} bytes)\n`;
  });
}

/**
 * `briefing list --db PATH` and `briefing export --db PATH --briefing ID|TITLE
 * --format md|html|docx|json --out FILE`: the app's briefings and exports on
 * the command line, through the same store and export modules. The store lock
 * keeps the command from writing while the app has the library open.
 */
import { exportBriefing } from '../briefings/export-briefing';
import { openLibraryStore } from '../store/library-store';

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

async function withStore<T>(
  db: string,
  task: (store: Awaited<ReturnType<typeof openLibraryStore>>) => Promise<T>,
): Promise<T> {
  const store = await openLibraryStore({ dir: db, backups: false });
  try {
    return await task(store);
  } finally {
    await store.close();
  }
}

export async function listBriefings(db: string): Promise<string> {
  return withStore(db, async (store) => {
    const rows = store.briefings().briefings.map((briefing) => {
      const items = briefing.sections.reduce((sum, section) => sum + section.items.length, 0);
      return `${briefing.id}\t${briefing.date}\t${items} items\t${briefing.title}`;
    });
    return rows.length ? `${rows.join('\n')}\n` : 'No briefings.\n';
  });
}

export async function exportFromCli(options: ParsedOptions): Promise<string> {
  const { db, briefing: wanted, format, out } = options;
  if (!db || !wanted || !format || !out)
    throw new Error('export needs --db PATH --briefing ID|TITLE --format md|html|docx|json --out FILE');
  if (!['md', 'html', 'docx', 'json'].includes(format))
    throw new Error(`--format must be md, html, docx or json (PDF needs the app), not "${format}"`);
  return withStore(db, async (store) => {
    const briefings = store.briefings().briefings;
    const matches = briefings.filter((candidate) => candidate.id === wanted || candidate.title === wanted);
    if (matches.length === 0)
      throw new Error(`no briefing with id or title "${wanted}" (see: briefing list --db ${db})`);
    if (matches.length > 1) throw new Error(`several briefings are titled "${wanted}"; give its id`);
    const result = await exportBriefing(store, matches[0]!, {
      format: format as 'md' | 'html' | 'docx' | 'json',
      target: out,
    });
    return `Wrote ${result.path} (${result.bytes} bytes)\n`;
  });
}

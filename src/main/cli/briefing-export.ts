/**
 * `briefing list --db PATH` and `briefing export --db PATH --briefing ID|TITLE
 * --format md|html|docx|json --out FILE`: the app's briefings and exports on
 * the command line, through the same store and export modules.
 *
 * Both only read the library: the store is opened read-only (no lock, and
 * nothing in the folder is repaired, moved or created), so a mistyped `--db`
 * is an error rather than a new empty library, and damage is reported (with a
 * non-zero exit) for the app to repair, never repaired behind its back.
 */
import { createAppServices } from '../app-services';
import { exportBriefing } from '../briefings/export-briefing';
import { exportFormats, type ExportFormat } from '../briefings/export-formats';
import { openLibraryStore, type LibraryStore } from '../store/library-store';
import type { RecoveryEvent } from '../store/recovery-event';

/** The formats the command line writes: every export format but PDF, which needs Chromium's printing. */
const cliFormats = (Object.keys(exportFormats) as ExportFormat[]).filter((format) => format !== 'pdf');

export interface ParsedOptions {
  [name: string]: string | undefined;
}

/** What a read-only command printed, and what it found damaged in the library. */
export interface ReadResult {
  output: string;
  damage: string[];
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

function describeDamage(event: RecoveryEvent): string {
  const fallback =
    event.outcome === 'restored-from-backup'
      ? `its backup of ${event.backupTakenAt} was used for this command`
      : event.outcome === 'rebuilt-from-articles'
        ? 'the article list was rebuilt from the article files for this command'
        : event.outcome === 'kept-what-was-readable'
          ? 'the changes that could be read were used for this command'
          : 'it was treated as empty for this command';
  return `damaged: ${event.file} (${event.holds}): ${event.problem}; ${fallback}. Nothing was changed: open the library in Briefing Reader to repair it.`;
}

async function withReadOnlyStore(
  db: string,
  task: (store: LibraryStore) => Promise<string>,
): Promise<ReadResult> {
  const store = await openLibraryStore({ dir: db, readOnly: true });
  try {
    return { output: await task(store), damage: store.recovery.map(describeDamage) };
  } finally {
    await store.close();
  }
}

export async function listBriefings(db: string): Promise<ReadResult> {
  return withReadOnlyStore(db, async (store) => {
    const rows = store.briefings().briefings.map((briefing) => {
      const items = briefing.sections.reduce((sum, section) => sum + section.items.length, 0);
      return `${briefing.id}\t${briefing.date}\t${items} items\t${briefing.title}`;
    });
    return rows.length ? `${rows.join('\n')}\n` : 'No briefings.\n';
  });
}

export async function exportFromCli(options: ParsedOptions): Promise<ReadResult> {
  const { db, briefing: wanted, format, out } = options;
  const formats = cliFormats.join('|');
  if (!db || !wanted || !format || !out)
    throw new Error(`export needs --db PATH --briefing ID|TITLE --format ${formats} --out FILE`);
  if (!(cliFormats as string[]).includes(format))
    throw new Error(`--format must be one of ${cliFormats.join(', ')} (PDF needs the app), not "${format}"`);
  return withReadOnlyStore(db, async (store) => {
    if (store.recovery.length > 0) return 'Nothing was exported: the library needs repair.\n';
    let briefing;
    try {
      briefing = createAppServices(store).briefings.findByIdOrTitle(wanted);
    } catch (error) {
      throw new Error(`${(error as Error).message} (see: briefing list --db ${db})`, { cause: error });
    }
    const result = await exportBriefing(store, briefing, { format: format as ExportFormat, target: out });
    return `Wrote ${result.path} (${result.bytes} bytes)\n`;
  });
}

/**
 * The `briefing` command: the app's core on the command line.
 *
 *   briefing inspect FILE…   print each file's structured article as JSON
 *   briefing list --db PATH  list the briefings in a store
 *   briefing export …        export a briefing (md, html, docx, json)
 *   briefing import --db DIR [--allow-local] [--json] INPUT…   import files and web addresses
 *
 * Exit codes: 0 when every file was read, 1 when any was rejected (or the
 * library is missing or damaged: `list` and `export` only read it, and report
 * damage for the app to repair), 2 for a usage error.
 */
import { inspectFile } from './inspect';
import { exportFromCli, listBriefings, parseOptions } from './briefing-export';
import { parseImportArguments, runImport, UsageError } from './import-command';

const usage = `Usage: briefing <command> [arguments]

Commands:
  inspect FILE…   Clean each file as the app would and print the structured article as JSON
                  (title and whether derived, blocks with kinds, removed lines with kinds and
                  line numbers, reader comments, quality flags). Accepts .txt, .md and .html.
  list --db PATH  List the briefings in a library's store folder (read-only: reports damage,
                  repairs nothing, exits 1 if anything is damaged or PATH is not a library).
  export --db PATH --briefing ID|TITLE --format md|html|docx|json --out FILE
                  Export a briefing as the app does (PDF needs the app).
  import --db DIR [--allow-local] [--json] INPUT…
                  Import each file (.txt .md .html .pdf .docx) or http(s) address into the
                  library, as the app does. --allow-local permits loopback and private
                  addresses; --json prints one result per input. Exit code 1 if any failed.
`;

export async function runBriefing(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(usage);
    return command ? 0 : 2;
  }
  if (command === 'inspect') {
    if (rest.length === 0) {
      err('briefing inspect: name at least one file\n');
      return 2;
    }
    const reports = [];
    for (const file of rest) reports.push(await inspectFile(file));
    out(`${JSON.stringify(rest.length === 1 ? reports[0] : reports, null, 2)}\n`);
    return reports.every((report) => report['status'] === 'ok') ? 0 : 1;
  }
  if (command === 'import') {
    try {
      return await runImport(parseImportArguments(rest), out);
    } catch (error) {
      err(`briefing import: ${error instanceof Error ? error.message : String(error)}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
  }
  if (command === 'list' || command === 'export') {
    try {
      const options = parseOptions(rest);
      if (command === 'list' && !options['db']) throw new Error('list needs --db PATH');
      const result = command === 'list' ? await listBriefings(options['db']!) : await exportFromCli(options);
      out(result.output);
      for (const line of result.damage) err(`briefing ${command}: ${line}\n`);
      return result.damage.length > 0 ? 1 : 0;
    } catch (error) {
      err(`briefing ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  err(`briefing: unknown command "${command}"\n\n${usage}`);
  return 2;
}

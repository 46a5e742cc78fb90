#!/usr/bin/env node
// Runs @doyensec/electronegativity on src/ and compares its findings with the
// reviewed false positives in electronegativity.config.json: a finding not
// listed there fails (exit 1), and so does a listed one that no longer occurs,
// so the list stays exactly the set of explained findings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const config = JSON.parse(readFileSync('electronegativity.config.json', 'utf8'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** One scan; the report's text, or null (with the reason printed) when none was written. */
function scan() {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  const report = path.join(dir, 'findings.csv');
  const run = spawnSync(
    npx,
    ['electronegativity', '-i', 'src', '-r', '-v', 'false', '-e', config.electronVersion, '-o', report],
    { encoding: 'utf8' },
  );
  try {
    return readFileSync(report, 'utf8');
  } catch {
    console.error(`electronegativity did not write a report (exit ${run.status}):\n${run.stderr}`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Splits electronegativity's CSV report into rows of fields. Quoted fields may
 * hold commas, doubled quotes and line breaks (some descriptions span lines),
 * so the text is read character by character, not line by line.
 */
function csvRows(text) {
  const rows = [];
  let row = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(current);
      current = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(current);
      rows.push(row);
      row = [];
      current = '';
    } else current += char;
  }
  if (current !== '' || row.length > 0) rows.push([...row, current]);
  return rows;
}

/**
 * A whole report: its header, then rows of eight fields each naming a check.
 * Electronegativity has now and then written a report whose start was
 * overwritten by its own end (seen once in CI); such a report is scanned again
 * rather than read as findings.
 */
const header = 'issue, severity, confidence, filename, location, sample, description, url';
function parsedReport(text) {
  if (!text.startsWith(header)) return null;
  const rows = csvRows(text)
    .slice(1)
    .filter((row) => row.some((field) => field.trim() !== ''));
  if (rows.some((row) => row.length !== 8 || !/^[A-Z_]+_CHECK$/.test(row[0]))) return null;
  return rows;
}

let rows = null;
for (let attempt = 1; attempt <= 3 && rows === null; attempt += 1) {
  const text = scan();
  if (text === null) process.exit(1);
  rows = parsedReport(text);
  if (rows === null) console.error(`electronegativity wrote a malformed report (attempt ${attempt} of 3)`);
}
if (rows === null) process.exit(1);

const findings = rows.map(([check, severity, , file, location, sample]) => ({
  check,
  severity,
  file,
  location,
  sample: sample ?? '',
}));
const used = new Set();
const unexplained = findings.filter((finding) => {
  const match = config.accepted.findIndex(
    (entry) => entry.check === finding.check && finding.sample.includes(entry.sample),
  );
  if (match === -1) return true;
  used.add(match);
  return false;
});
const stale = config.accepted.filter((_entry, at) => !used.has(at));

console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - unexplained.length} explained`,
);
for (const finding of unexplained)
  console.error(
    `NEW FINDING ${finding.check} (${finding.severity}) at ${finding.file}:${finding.location}: ${finding.sample}`,
  );
for (const entry of stale)
  console.error(
    `STALE ENTRY in electronegativity.config.json: ${entry.check} "${entry.sample}" matches nothing now`,
  );
process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);

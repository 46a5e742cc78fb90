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
const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const report = path.join(dir, 'findings.csv');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = spawnSync(
  npx,
  ['electronegativity', '-i', 'src', '-r', '-v', 'false', '-e', config.electronVersion, '-o', report],
  { encoding: 'utf8' },
);
let csv;
try {
  csv = readFileSync(report, 'utf8');
} catch {
  console.error(`electronegativity did not write a report (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Splits one CSV line of electronegativity's report (quoted fields may hold commas). */
function fields(line) {
  const out = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (char === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out;
}

const findings = csv
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map(fields)
  .map(([check, severity, , file, location, sample]) => ({ check, severity, file, location, sample }));
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

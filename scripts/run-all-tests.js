#!/usr/bin/env node
// Runs every check and test suite in order (build, type-check, lint, unit and
// contract tests, end-to-end specs), keeps going after a failure so one run
// shows everything, and ends with one line: "N passed, N failed, N skipped".
// Build, type-check and lint count as one check each; suites count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const resultsDir = 'test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const rows = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  rows.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function suite(label, command, args, env, countsFrom) {
  const ok = run(label, command, args, env);
  const counts = countsFrom();
  if (!counts) {
    rows.push({ label: `${label} (no report: the runner itself failed)`, passed: 0, failed: 1, skipped: 0 });
  } else {
    if (!ok && counts.failed === 0) counts.failed = 1;
    rows.push({ label, ...counts });
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const built = check('build', npx, ['electron-vite', 'build']);
check('type-check (tsc)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('type-check (tsc, tests)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.test.json']);
check('type-check (svelte-check)', npx, [
  'svelte-check',
  '--tsconfig',
  './tsconfig.web.json',
  '--fail-on-warnings',
]);
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
check('Electron security scan (electronegativity)', process.execPath, ['scripts/electronegativity.js']);
check('format', npx, ['prettier', '--check', '.']);

const vitestReport = `${resultsDir}/vitest.json`;
suite(
  'unit and contract tests (vitest)',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`],
  {},
  () => {
    const report = readJson(vitestReport);
    if (!report) return null;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
      skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  },
);

const playwrightReport = `${resultsDir}/playwright.json`;
if (built) {
  suite(
    'end-to-end specs (playwright)',
    npx,
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    () => {
      const report = readJson(playwrightReport);
      if (!report) return null;
      const { expected, unexpected, flaky, skipped } = report.stats;
      const setupErrors = report.errors?.length ?? 0;
      return { passed: expected, failed: unexpected + flaky + setupErrors, skipped };
    },
  );
} else {
  rows.push({ label: 'end-to-end specs (not run: the build failed)', passed: 0, failed: 1, skipped: 0 });
}

const total = rows.reduce(
  (sum, row) => ({
    passed: sum.passed + row.passed,
    failed: sum.failed + row.failed,
    skipped: sum.skipped + row.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n=== summary');
for (const row of rows)
  console.log(`${row.label}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
if (existsSync(resultsDir)) writeFileSync(`${resultsDir}/summary.txt`, line + '\n');
console.log(line);
process.exit(total.failed === 0 ? 0 : 1);

#!/usr/bin/env node
// Entry point of the `briefing` command (package.json "bin"). Runs the TypeScript
// sources of the app's core through tsx, so the command always uses exactly the
// modules the app uses. Run from a checkout after `npm install`: `npx briefing …`.
import { tsImport } from 'tsx/esm/api';

const { runBriefing } = await tsImport('../src/main/cli/briefing.ts', import.meta.url);
process.exitCode = await runBriefing(
  process.argv.slice(2),
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
);

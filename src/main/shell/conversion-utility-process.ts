/**
 * The Electron app's conversion process: an Electron utility process (the
 * packaged app's fuses forbid running its binary as Node, so it cannot fork a
 * Node child). Same entry, messages and budgets as the Node child of
 * `importing/child-launcher.ts`; the heap cap goes in as a V8 option.
 */
import { utilityProcess } from 'electron';
import type { LaunchChild } from '../importing/child-launcher';

export const launchUtilityProcess: LaunchChild = (script, { execArgv, args }, events) => {
  const child = utilityProcess.fork(script, args, {
    execArgv,
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'Briefing Reader conversion',
  });
  child.on('message', (message: unknown) => events.message(message));
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => events.stderr(text));
  // Its stderr may still hold the out-of-memory report when 'exit' comes: read what is left first.
  child.on('exit', () => setTimeout(() => events.exit(), 50));
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      child.postMessage(message);
    },
    kill() {
      child.kill();
    },
    // The app's own windows keep it running; an idle child need not be unreferenced.
    hold() {},
  };
};

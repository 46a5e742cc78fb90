/**
 * A child process of the lock race: loads the real store lock, then obeys
 * lines on stdin so that all contenders start each trial at the same moment:
 *
 *   go FILE   try to take the lock on FILE; print "won" or "lost <reason>"
 *   release   release the lock if held; print "released"
 */
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { acquireStoreLock, type StoreLock } from '../../src/main/store/store-lock';

let held: StoreLock | null = null;
writeSync(1, 'ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, file] = line.split(' ');
  if (command === 'go') {
    try {
      held = await acquireStoreLock(file!);
      writeSync(1, 'won\n');
    } catch (error) {
      writeSync(1, `lost ${(error as Error).message.replace(/\n/g, ' ')}\n`);
    }
  } else if (command === 'release') {
    await held?.release();
    held = null;
    writeSync(1, 'released\n');
  }
}

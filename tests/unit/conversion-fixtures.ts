/**
 * What the conversion-process tests share: the files they import (a small
 * prose file, a page that converts for seconds) and a launcher of real
 * conversion processes that records each one and every job and reply.
 */
import {
  forkNodeChild,
  type ConversionChild,
  type LaunchChild,
} from '../../src/main/importing/child-launcher';
import type { ImportFile } from '../../src/main/importing/import-articles';

export const now = new Date('2026-11-27T12:00:00.000Z');
export const prose =
  'Officials from thirty countries met on Tuesday to discuss support, and agreed to meet again in the spring. ';
export const file = (name: string, text: string): ImportFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});
/** A page that converts for seconds: past a budget of 300 ms, or of 48 MB. */
export const bigPage = () =>
  file(
    'big.html',
    `<html><head><title>Big</title></head><body><article><h1>Big</h1>${`<p>${prose.repeat(3)}</p>`.repeat(3_000)}</article></body></html>`,
  );

export type Event = { child: number; kind: 'job' | 'skip' | 'reply'; id: number };

/** Real conversion processes, with the order of every job sent and reply received, per process. */
export function tracingLauncher(onJob?: (child: ConversionChild, sent: number) => void) {
  const children: ConversionChild[] = [];
  const events: Event[] = [];
  const launch: LaunchChild = (script, options, listeners) => {
    const index = children.length;
    let sent = 0;
    const child = forkNodeChild(script, options, {
      ...listeners,
      message: (message) => {
        if (typeof message === 'object' && message !== null && 'id' in message)
          events.push({ child: index, kind: 'reply', id: (message as { id: number }).id });
        listeners.message(message);
      },
    });
    children.push(child);
    return {
      get pid() {
        return child.pid;
      },
      send(message) {
        child.send(message);
        if (typeof message === 'object' && message !== null && 'kind' in message) {
          const { kind, id } = message as { kind: string; id: number };
          events.push({ child: index, kind: kind === 'skip' ? 'skip' : 'job', id });
          if (kind !== 'skip') onJob?.(child, (sent += 1));
        }
      },
      kill: () => child.kill(),
      hold: (held) => child.hold(held),
    };
  };
  return { launch, children, events };
}

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { requestSignal } from '../../src/letta/request-signal';

describe('the signal of one request', () => {
  it('Ctrl-C aborts every request in flight, and only those: a request that ended is let go', async () => {
    const command = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const ended = Array.from({ length: 40 }, () => requestSignal(command.signal, 60_000));
    for (const one of ended) one.done();
    const flying = Array.from({ length: 40 }, () => requestSignal(command.signal, 60_000));
    command.abort();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(flying.every((one) => one.signal.aborted && !one.timedOut())).toBe(true);
    expect(ended.some((one) => one.signal.aborted)).toBe(false);
    // Forty requests at once add one listener to the command's signal, not forty (no "possible leak" warning).
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    for (const one of flying) one.done();
    expect(requestSignal(command.signal, 60_000).signal.aborted).toBe(true);
  });

  it("the command's listener keeps nothing of the request that made it once that request is done", async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    const command = new AbortController();
    const made = (() => {
      const first = requestSignal(command.signal, 60_000);
      first.done();
      return new WeakRef(first.signal);
    })();
    // A WeakRef holds its target until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(made.deref()).toBeUndefined();
    // The listener still aborts what is in flight.
    const flying = requestSignal(command.signal, 60_000);
    command.abort();
    expect(flying.signal.aborted).toBe(true);
  });

  it('a request past its time is aborted, and says it timed out; one done in time is not', async () => {
    const one = requestSignal(new AbortController().signal, 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(one.signal.aborted).toBe(true);
    expect(one.timedOut()).toBe(true);
    const quick = requestSignal(new AbortController().signal, 5);
    quick.done();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(quick.signal.aborted).toBe(false);
  });
});

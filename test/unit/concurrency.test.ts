import { describe, expect, it } from 'vitest';
import { forEachInOrder } from '../../src/concurrency';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream of `count` numbers, counting how many were pulled. */
async function* numbers(count: number, pulled: { n: number }, failAt?: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error(`no item ${i}`);
    pulled.n++;
    yield i;
  }
}

describe('forEachInOrder', () => {
  it('gives the results in the order of the items, however the tasks finish', async () => {
    const taken: number[] = [];
    await forEachInOrder(
      numbers(20, { n: 0 }),
      4,
      async (i) => {
        await sleep((i * 7) % 5);
        return i * 10;
      },
      (result) => void taken.push(result),
    );
    expect(taken).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
  });

  it('holds at most `ahead` items started and not yet taken, and pulls the stream no further ahead', async () => {
    const pulled = { n: 0 };
    let open = 0;
    let most = 0;
    let pulledAhead = 0;
    let taken = 0;
    await forEachInOrder(
      numbers(50, pulled),
      3,
      async (i) => {
        open++;
        most = Math.max(most, open);
        await sleep(i % 3);
        return i;
      },
      () => {
        open--;
        taken++;
        pulledAhead = Math.max(pulledAhead, pulled.n - taken);
      },
    );
    expect(taken).toBe(50);
    expect(most).toBeLessThanOrEqual(3);
    expect(pulledAhead).toBeLessThanOrEqual(3);
  });

  it('on a failure, throws it only once every task started has ended', async () => {
    const running = new Set<number>();
    const failed = forEachInOrder(
      numbers(10, { n: 0 }),
      4,
      async (i) => {
        running.add(i);
        await sleep(i === 1 ? 1 : 20);
        running.delete(i);
        if (i === 1) throw new Error('task 1 failed');
        return i;
      },
      () => undefined,
    );
    await expect(failed).rejects.toThrow('task 1 failed');
    expect([...running]).toEqual([]);
  });

  it('a stream that fails mid-way: the tasks under way end, then its failure is thrown', async () => {
    const running = new Set<number>();
    const taken: number[] = [];
    const failed = forEachInOrder(
      numbers(10, { n: 0 }, 5),
      8,
      async (i) => {
        running.add(i);
        await sleep(10);
        running.delete(i);
        return i;
      },
      (i) => void taken.push(i),
    );
    await expect(failed).rejects.toThrow('no item 5');
    expect([...running]).toEqual([]);
    expect(taken).toEqual([]);
  });
});

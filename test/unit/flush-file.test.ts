import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Each sync the files' handles are asked for, held until the test lets it finish (or fail). */
const syncs: Array<{ path: string; finish: () => void; fail: (error: Error) => void }> = [];
let missing = new Set<string>();
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  open: (path: string, _flags: string, done: (error: NodeJS.ErrnoException | null, fd: number) => void) => {
    if (missing.has(path)) return done(Object.assign(new Error('gone'), { code: 'ENOENT' }), -1);
    done(null, fds.push(path) - 1);
  },
  fsync: (fd: number, done: (error: Error | null) => void) => {
    syncs.push({ path: fds[fd]!, finish: () => done(null), fail: (error) => done(error) });
  },
  close: (_fd: number, done: () => void) => done(),
}));
/** The files opened, by descriptor. */
const fds: string[] = [];

const { flushFile } = await import('../../src/files/private-file');
const LABEL = { what: 'state journal', folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR elsewhere.' };
const settled = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('flushFile', () => {
  beforeEach(() => {
    syncs.length = 0;
    missing = new Set();
  });

  it('flushes once for each caller while none is under way, and callers that come during a flush share the next one, which starts after it', async () => {
    const first = flushFile('/j', LABEL);
    await settled();
    expect(syncs.map((s) => s.path)).toEqual(['/j']);
    const done: string[] = [];
    const later = [flushFile('/j', LABEL), flushFile('/j', LABEL), flushFile('/j', LABEL)];
    later.forEach((p, i) => void p.then(() => done.push(`later ${i}`)));
    void first.then(() => done.push('first'));
    await settled();
    // The writes of the later callers may have come after the first flush began: it does not answer for them.
    expect(syncs).toHaveLength(1);
    syncs[0]!.finish();
    await settled();
    expect(done).toEqual(['first']);
    expect(syncs).toHaveLength(2);
    syncs[1]!.finish();
    await Promise.all(later);
    expect(done).toEqual(['first', 'later 0', 'later 1', 'later 2']);
    // Nothing under way now: the next caller has a flush of its own at once.
    const again = flushFile('/j', LABEL);
    await settled();
    expect(syncs).toHaveLength(3);
    syncs[2]!.finish();
    await again;
  });

  it('keeps files apart, has nothing to flush for a file gone meanwhile, and says which file could not be flushed', async () => {
    missing.add('/folded');
    await expect(flushFile('/folded', LABEL)).resolves.toBeUndefined();
    const a = flushFile('/a', LABEL);
    const b = flushFile('/b', LABEL);
    await settled();
    expect(syncs.map((s) => s.path)).toEqual(['/a', '/b']);
    syncs[0]!.fail(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    syncs[1]!.finish();
    await expect(a).rejects.toThrow('Cannot write the state journal /a (EIO)');
    await expect(b).resolves.toBeUndefined();
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, InterruptedError } from '../../src/errors';
import { lock, lockSync, tryLock } from '../../src/files/lock';

function lockPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'letta-switchboard-lock-')), 'thing.lock');
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function holderFile(path: string, holder: object): void {
  writeFileSync(path, JSON.stringify({ host: hostname(), since: Date.now(), token: 'someone-else', ...holder }));
}

describe('lock files', () => {
  it('is taken by one holder at a time and removed on release', () => {
    const path = lockPath();
    const first = tryLock(path);
    expect(first).toBeDefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(tryLock(path)).toBeUndefined();
    first!.release();
    expect(existsSync(path)).toBe(false);
    const second = tryLock(path);
    expect(second).toBeDefined();
    second!.release();
  });

  it('takes over a lock whose holder died', () => {
    const path = lockPath();
    holderFile(path, { pid: deadPid() });
    const held = lockSync(path, { waitMs: 5_000 });
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    held.release();
  });

  it("takes over a lock of this process's pid that it did not make, taken before it started: an earlier process had the pid (a container's process 1)", () => {
    const path = lockPath();
    const started = Date.now() - process.uptime() * 1000;
    // Taken after this process started, by another with the same pid (another pid namespace): kept.
    holderFile(path, { pid: process.pid, token: 'alive-elsewhere', since: Date.now() });
    expect(tryLock(path)).toBeUndefined();
    holderFile(path, { pid: process.pid, token: 'an-earlier-run', since: started - 60_000 });
    const held = tryLock(path);
    expect(held).toBeDefined();
    expect(JSON.parse(readFileSync(path, 'utf8')).token).not.toBe('an-earlier-run');
    // Its own lock it keeps.
    expect(tryLock(path)).toBeUndefined();
    held!.release();
  });

  it.runIf(existsSync('/proc/sys/kernel/random/boot_id'))('takes over a lock taken before the machine last started, though its pid lives again', () => {
    const path = lockPath();
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    holderFile(path, { pid: process.ppid, boot });
    expect(tryLock(path)).toBeUndefined();
    holderFile(path, { pid: process.ppid, boot: 'an-earlier-boot' });
    const held = tryLock(path);
    expect(held).toBeDefined();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, boot });
    held!.release();
  });

  it('takes over a lock older than the stale bound even if its holder seems alive, or it holds nothing', () => {
    const path = lockPath();
    holderFile(path, { pid: process.ppid });
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(path, old, old);
    const held = tryLock(path, { staleMs: 60_000 });
    expect(held).toBeDefined();
    held!.release();

    writeFileSync(path, '');
    utimesSync(path, old, old);
    expect(tryLock(path, { staleMs: 60_000 })).toBeDefined();
  });

  it('keeps a fresh lock of a live holder, and a lock being written this moment', () => {
    const path = lockPath();
    holderFile(path, { pid: process.ppid });
    expect(tryLock(path)).toBeUndefined();
    writeFileSync(path, '');
    expect(tryLock(path)).toBeUndefined();
  });

  it('takes over an empty lock file older than a second at once: its writer was killed before naming itself', () => {
    const path = lockPath();
    writeFileSync(path, '');
    const secondsAgo = (Date.now() - 2_000) / 1000;
    utimesSync(path, secondsAgo, secondsAgo);
    const held = tryLock(path, { staleMs: 60_000 });
    expect(held).toBeDefined();
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    held!.release();
  });

  it('gives up after the wait bound with an error naming the holder and the lock file', async () => {
    const path = lockPath();
    holderFile(path, { pid: process.ppid });
    const wanted = { waitMs: 150, what: 'the config file /x/config.json' };
    for (const attempt of [() => lockSync(path, wanted), () => lock(path, wanted)]) {
      const error = await Promise.resolve()
        .then(attempt)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(1);
      expect((error as CliError).message).toBe(`Another letta-switchboard (process ${process.ppid}) is changing the config file /x/config.json; gave up after 0.2 s`);
      expect((error as CliError).hint).toContain(path);
    }
    // Still theirs.
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.ppid);
  });

  it('stops waiting on Ctrl-C', async () => {
    const path = lockPath();
    holderFile(path, { pid: process.ppid });
    const controller = new AbortController();
    const waiting = lock(path, { waitMs: 60_000, signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await waiting).toBeInstanceOf(InterruptedError);
  });

  it('never removes a lock that was taken over from it', () => {
    const path = lockPath();
    const held = tryLock(path)!;
    holderFile(path, { pid: process.ppid, token: 'the-new-holder' });
    held.release();
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toBe('the-new-holder');
  });

  it('takes over a lock path that is a link (dangling or not) at once: a link is never a lock this tool made', async () => {
    for (const target of ['/nonexistent/lock-target', lockPath()]) {
      const path = lockPath();
      if (!target.startsWith('/nonexistent')) writeFileSync(target, 'kept');
      symlinkSync(target, path);
      const held = await lock(path, { waitMs: 200 });
      expect(lstatSync(path).isSymbolicLink()).toBe(false);
      expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
      held.release();
      if (!target.startsWith('/nonexistent')) expect(readFileSync(target, 'utf8')).toBe('kept');
    }
  });
});

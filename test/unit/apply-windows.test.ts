import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planWindowSize } from '../../src/ascode/load';
import { readLock } from '../../src/ascode/lock-store';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
const OTHER = 'agent-22222222-2222-2222-2222-222222222222';
let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-windows-')), 'letta-schedules');
  mkdirSync(dir);
});
afterEach(() => {
  planWindowSize.files = 500;
});

function file(name: string, agent: string, when: string, message: string): void {
  writeFileSync(join(dir, name), `---\nagent: ${agent}\nwhen: "${when}"\n---\n${message}\n`);
}

/** Ten files over two agents, and a copy of the first under a name far from it. */
function tenFiles(): void {
  for (let i = 0; i < 10; i++) file(`f${i}.md`, i % 2 === 0 ? AGENT : OTHER, `${i} 9 * * *`, `Message ${i}`);
  file('zz-copy.md', AGENT, '0 9 * * *', 'Message 0');
}

/** Three files for one agent, f0.md to f2.md. */
function threeFiles(): void {
  for (let i = 0; i < 3; i++) file(`f${i}.md`, AGENT, `${i} 9 * * *`, `Message ${i}`);
}

/** `apply --dry-run` in one window, then in windows of `size` files. */
async function dryRunBothWays(size: number, options?: Parameters<typeof h.run>[1]) {
  const whole = await h.run(['apply', '-f', dir, '--dry-run'], options);
  planWindowSize.files = size;
  const windowed = await h.run(['apply', '-f', dir, '--dry-run'], options);
  return { whole, windowed };
}

/** The lock file's entries for the fake server: file → the ids it owns. */
function owned(): Record<string, string[]> {
  const lock = JSON.parse(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
  const [entries] = Object.values(lock.servers);
  return Object.fromEntries(Object.entries(entries ?? {}).map(([name, entry]) => [name, entry.ids]));
}

/** Each file's schedules on the server, as its message and cron: what the folder says, whatever the ids. */
function served(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(owned()).map(([name, ids]) => [
      name,
      ids.map((id) => {
        const schedule = h.letta.schedules.get(id);
        return schedule ? `${schedule.agent_id} ${schedule.schedule.cron_expression} ${JSON.stringify(schedule.message?.messages)}` : `${id} missing`;
      }),
    ]),
  );
}

/** The whole story of a folder, applied with windows of `size` files: what the server and the lock file end with, and what was said. */
async function story(size: number) {
  planWindowSize.files = size;
  tenFiles();
  const first = await h.run(['apply', '-f', dir, '--yes']);
  expect(first.code, first.stderr).toBe(0);
  const twinNotes = first.stderr.split('\n').filter((line) => line.includes('makes the same schedule as'));
  const afterFirst = { posts: h.letta.requests('POST').length, served: served() };

  // A file renamed far along the names, one removed, one changed.
  renameSync(join(dir, 'f3.md'), join(dir, 'a-renamed.md'));
  rmSync(join(dir, 'f5.md'));
  file('f2.md', AGENT, '2 10 * * *', 'Message 2');
  h.letta.received.length = 0;
  const second = await h.run(['apply', '-f', dir, '--yes']);
  expect(second.code, second.stderr).toBe(0);
  const afterSecond = { posts: h.letta.requests('POST').length, deletes: h.letta.requests('DELETE').length, served: served(), count: h.letta.schedules.size };

  // The lock file lost: every schedule is taken again, none made.
  rmSync(join(dir, 'letta-schedules.lock.json'));
  h.letta.received.length = 0;
  const third = await h.run(['apply', '-f', dir]);
  expect(third.code, third.stderr).toBe(0);
  const afterThird = { posts: h.letta.requests('POST').length, served: served() };
  const plan = await h.run(['plan', '-f', dir]);
  return { twinNotes, afterFirst, afterSecond, afterThird, planCode: plan.code };
}

describe('apply a window of files at a time', () => {
  it.each([1, 2, 3, 7])('with windows of %i files does what one window does: twins named, a rename taken, a removed file deleted, a lost lock file taken again', async (size) => {
    const result = await story(size);
    h.letta.reset(() => Date.parse('2026-11-22T15:00:00Z'));
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const whole = await story(500);
    expect(result.afterFirst).toEqual(whole.afterFirst);
    expect(result.afterSecond).toEqual(whole.afterSecond);
    expect(result.afterThird).toEqual(whole.afterThird);
    expect(result.planCode).toBe(0);
    // Both copies are made and the copy is named once, whichever window each falls in.
    expect(result.afterFirst.posts).toBe(11);
    expect(result.twinNotes).toHaveLength(1);
    expect(result.twinNotes[0]).toMatch(/f0\.md|zz-copy\.md/);
    // The renamed file takes its schedule, the removed one's is deleted, the changed one replaced.
    expect(result.afterSecond).toMatchObject({ posts: 1, deletes: 2, count: 10 });
    expect(result.afterSecond.served['a-renamed.md']).toEqual(whole.afterFirst.served['f3.md']);
    expect(result.afterThird.posts).toBe(0);
  });

  it("a file that takes a removed file's schedule in an earlier window is recorded with that file's entry less it: the lock file and its journal never give one schedule to two files", async () => {
    planWindowSize.files = 1;
    file('z-old.md', AGENT, '0 7 * * *', 'Renamed');
    file('b.md', AGENT, '0 8 * * *', 'Before');
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    renameSync(join(dir, 'z-old.md'), join(dir, 'a-new.md'));
    file('b.md', AGENT, '0 8 * * *', 'After');
    const doubled: string[] = [];
    h.letta.received.length = 0;
    h.letta.onRequest = () => {
      const owners = new Map<string, string>();
      for (const [name, entry] of Object.entries(Object.values(readLock(join(dir, 'letta-schedules.lock.json')).lock.servers)[0] ?? {})) {
        for (const id of entry.ids) {
          if (owners.has(id)) doubled.push(`${id}: ${owners.get(id)} and ${name}`);
          owners.set(id, name);
        }
      }
    };
    const r = await h.run(['apply', '-f', dir, '--yes']);
    h.letta.onRequest = undefined;
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.requests('POST')).toHaveLength(1);
    expect(doubled).toEqual([]);
    expect(Object.keys(owned()).sort()).toEqual(['a-new.md', 'b.md']);
  });

  it('a dry run with small windows sends and writes nothing, and shows every request one window does', async () => {
    tenFiles();
    const { whole, windowed } = await dryRunBothWays(2);
    expect(windowed.code).toBe(0);
    expect(windowed.stdout).toBe(whole.stdout);
    expect(h.letta.requests('POST')).toEqual([]);
    expect(() => readFileSync(join(dir, 'letta-schedules.lock.json'))).toThrow();
  });

  it('--strict reads every window before the first change: a bad file in the last window stops all of them', async () => {
    tenFiles();
    writeFileSync(join(dir, 'zzz-bad.md'), '---\nagent: nobody-at-all\nwhen: "0 9 * * *"\n---\nHello\n');
    planWindowSize.files = 2;
    const r = await h.run(['apply', '-f', dir, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zzz-bad.md');
    expect(h.letta.requests('POST')).toEqual([]);
  });
});

describe('apply in windows says and does what one window does', () => {
  it('files are taken in the one order whatever the windows: names that differ in case are not split by code point', async () => {
    file('Beta.md', AGENT, '1 9 * * *', 'Message 1');
    file('alpha.md', AGENT, '0 9 * * *', 'Message 0');
    file('Gamma.md', AGENT, '2 9 * * *', 'Message 2');
    const { whole, windowed } = await dryRunBothWays(1);
    expect(windowed.stdout).toBe(whole.stdout);
    expect(windowed.stderr).toBe(whole.stderr);
  });

  it('a dry run on a terminal says once which deletes a real run would ask about, whatever windows they fall in', async () => {
    threeFiles();
    expect((await h.run(['apply', '-f', dir, '--yes'])).code).toBe(0);
    rmSync(join(dir, 'f0.md'));
    rmSync(join(dir, 'f1.md'));
    const { whole, windowed } = await dryRunBothWays(1, { terminal: 100 });
    expect(whole.stderr).toContain('A real run asks before deleting 2 schedules of 2 removed files (f0.md, f1.md).');
    expect(windowed.stderr).toBe(whole.stderr);
    expect(windowed.stdout).toBe(whole.stdout);
  });

  it('interrupted in one window, apply plans no more windows and says what exists and how to finish', async () => {
    threeFiles();
    planWindowSize.files = 1;
    h.letta.inject(/^POST .*\/schedule$/, { hang: true });
    const controller = new AbortController();
    const running = h.run(['apply', '-f', dir], { signal: controller.signal });
    while (h.letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const listed = h.letta.requests('GET').length;
    controller.abort();
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Error: f0.md: ');
    expect(r.stderr).toContain('A create may have landed (its answer was lost): the next apply looks for it before creating again. Run apply again to finish.');
    expect(h.letta.requests('GET').length).toBe(listed);
    expect(h.letta.requests('POST')).toHaveLength(1);
  });

  it("a create whose answer was lost stays its file's to find: a copy in a later window makes its own and is told of the first", async () => {
    file('f0.md', AGENT, '0 9 * * *', 'Message 0');
    file('zz-copy.md', AGENT, '0 9 * * *', 'Message 0');
    planWindowSize.files = 1;
    h.letta.inject(/^POST .*\/schedule$/, { status: 502, land: true });
    const first = await h.run(['apply', '-f', dir, '--yes']);
    expect(first.code).toBe(1);
    const landed = [...h.letta.schedules.keys()][0]!;
    expect(first.stdout).toMatch(/^\+ zz-copy\.md: created (?!sm-000001)/);
    expect(first.stderr).toContain('Note: zz-copy.md: makes the same schedule as f0.md: both would run');
    const second = await h.run(['apply', '-f', dir, '--yes']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(`+ f0.md: found ${landed}\n`);
    expect(owned()['f0.md']).toEqual([landed]);
    expect(h.letta.schedules.size).toBe(2);
  });
});

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatLock, formatLockStep, lockJournalPath, type ChangedEntries, type LockEntry, type LockFile } from '../../src/ascode/lock-file';
import { eachLockEntry, foldLock, lockBase } from '../../src/ascode/lock-stream';
import { readLock } from '../../src/ascode/lock-store';
import { bundleProgram, startChild } from './state-children';

// Whole reads made by the module under test (not by these tests), to tell reading in pieces from falling back.
const whole = vi.hoisted(() => ({ reads: 0 }));
vi.mock(import('../../src/ascode/lock-store'), async (original) => {
  const store = await original();
  return { ...store, readLock: (path: string) => (whole.reads++, store.readLock(path)) };
});

/** What `run` does, and whether it read the lock file whole. */
function counted<T>(run: () => T): { result: T; wholeReads: number } {
  const before = whole.reads;
  const result = run();
  return { result, wholeReads: whole.reads - before };
}

let dir: string;
let made = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-stream-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Visited = Array<[string, string, LockEntry]>;

function visited(path: string): Visited {
  const seen: Visited = [];
  eachLockEntry(path, (server, name, entry) => seen.push([server, name, entry]));
  return seen;
}

/** What a whole read gives, in the order the stream hands it out (servers, then names, sorted). */
function wholeRead(path: string): Visited {
  const { lock } = readLock(path);
  return Object.keys(lock.servers)
    .sort()
    .flatMap((server) =>
      Object.keys(lock.servers[server]!)
        .sort()
        .map((name): [string, string, LockEntry] => [server, name, lock.servers[server]![name]!]),
    );
}

/** A lock file (and journal) of its own: each check below reads a file no earlier check has read. */
function lockFiles(text: string | undefined, journal?: string): string {
  const path = join(dir, `${made++}`, 'letta-schedules.lock.json');
  mkdirSync(join(path, '..'), { recursive: true });
  if (text !== undefined) writeFileSync(path, text, { mode: 0o600 });
  if (journal !== undefined) writeFileSync(lockJournalPath(path), journal, { mode: 0o600 });
  return path;
}

const SERVERS = ['https://one.example', 'https://two.example/"quoted"', 'http://127.0.0.1:8283\\back', 'https://ü.example/😀'];
const NAMES = ['a.yaml', 'b "q".yaml', 'c\\d.yaml', 'é.yaml', '😀.yaml', 'team/ÿ.yaml', 'Z.yaml', 'x'];

const entry = (server: string, name: string, note: number, pad = 0): LockEntry => ({
  agent_id: `agent-${note}`,
  ids: [`${server}|${name}|${note}`, `${server}|${name}|extra`],
  when: `every day at 9am ${'é"\\'.repeat(note % 3)}${'w'.repeat(pad)}`,
  timezone: 'Europe/Paris',
  ...(note % 2 ? { at: 1_700_000_000_000 + note } : { series: { rule: '0 9 * * *', zone: 'UTC', started: note, skip: [note] } }),
  ...(note % 5 === 0 ? { pending: true } : {}),
});

/** The lock file's text in one of the ways it may be laid out: as written, compact, hand-indented, names shuffled, with a byte-order mark. */
function layout(lock: LockFile, how: number): string {
  const text = formatLock(lock);
  switch (how) {
    case 0:
      return text;
    case 1:
      return JSON.stringify(JSON.parse(text));
    case 2:
      return `\r\n${JSON.stringify(JSON.parse(text), null, '\t')}  \n\n`;
    case 3: {
      const servers = Object.fromEntries(
        Object.entries(lock.servers)
          .reverse()
          .map(([server, files]) => [server, Object.fromEntries(Object.entries(files).reverse())]),
      );
      return JSON.stringify({ servers, version: 1 }, null, 2);
    }
    default:
      return `\ufeff${text}`;
  }
}

const stepArb = fc.record({
  server: fc.constantFrom(...SERVERS),
  entries: fc.array(fc.record({ name: fc.constantFrom(...NAMES), gone: fc.boolean(), note: fc.nat(20) }), { maxLength: 4 }),
  stale: fc.boolean(),
});

describe('the lock file read and folded an entry at a time', () => {
  it('visits what readLock reads and folds to what writeLock writes, for any file and journal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ server: fc.constantFrom(...SERVERS), name: fc.constantFrom(...NAMES), note: fc.nat(20) }), { maxLength: 14 }),
        fc.array(stepArb, { maxLength: 6 }),
        fc.nat(4),
        fc.constantFrom('', '{"base":"', 'not a step'),
        (stored, steps, how, cut) => {
          const lock: LockFile = { version: 1, servers: {} };
          for (const { server, name, note } of stored) (lock.servers[server] ??= {})[name] = entry(server, name, note);
          const text = layout(lock, how);
          const base = readLock(lockFiles(text)).base;
          const journal =
            steps
              .map((step) => {
                const changed: ChangedEntries = {};
                for (const e of step.entries) changed[e.name] = e.gone ? null : entry(step.server, e.name, e.note);
                return formatLockStep(step.stale ? 'ffffffffffffffff' : base, step.server, changed);
              })
              .join('') + cut;
          const path = lockFiles(text, journal);
          const before = readLock(path);
          const streamed = counted(() => visited(path));
          expect(streamed.result).toEqual(wholeRead(path));
          // Laid out as this tool writes it, or by hand: read in pieces. Names out of order: read whole.
          if (how !== 3) expect(streamed.wholeReads).toBe(0);
          expect(lockBase(path)).toBe(before.base);
          // Read again (the file as last checked), the same.
          expect(visited(path)).toEqual(wholeRead(path));

          const { result: folded, wholeReads } = counted(() => foldLock(path));
          if (how !== 3) expect(wholeReads).toBe(0);
          if (before.unfolded) {
            expect(readFileSync(path, 'utf8')).toBe(formatLock(before.lock));
            expect(existsSync(lockJournalPath(path))).toBe(false);
            expect(folded).toBe(readLock(path).base);
          } else {
            expect(readFileSync(path, 'utf8')).toBe(text);
            expect(readFileSync(lockJournalPath(path), 'utf8')).toBe(journal);
            expect(folded).toBe(before.base);
          }
          expect(readLock(path).lock).toEqual(JSON.parse(formatLock(before.lock)));
          expect(statSync(path).mode & 0o777).toBe(0o600);
          expect(lockBase(path)).toBe(readLock(path).base);
          expect(visited(path)).toEqual(wholeRead(path));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('reads entries that span the edges between pieces, whatever falls on the edge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ server: fc.constantFrom(...SERVERS), name: fc.constantFrom(...NAMES), note: fc.nat(20), pad: fc.nat(40_000) }), { minLength: 4, maxLength: 12 }),
        fc.array(stepArb, { maxLength: 3 }),
        fc.nat(4),
        (stored, steps, how) => {
          const lock: LockFile = { version: 1, servers: {} };
          for (const { server, name, note, pad } of stored) (lock.servers[server] ??= {})[name] = entry(server, name, note, pad);
          const text = layout(lock, how);
          const base = readLock(lockFiles(text)).base;
          const journal = steps
            .map((step) =>
              formatLockStep(step.stale ? 'ffffffffffffffff' : base, step.server, Object.fromEntries(step.entries.map((e) => [e.name, e.gone ? null : entry(step.server, e.name, e.note, 70_000)]))),
            )
            .join('');
          const path = lockFiles(text, journal);
          const before = readLock(path);
          const streamed = counted(() => visited(path));
          expect(streamed.result).toEqual(wholeRead(path));
          if (how !== 3) expect(streamed.wholeReads).toBe(0);
          if (how !== 3) expect(counted(() => foldLock(path)).wholeReads).toBe(0);
          else foldLock(path);
          expect(readFileSync(path, 'utf8')).toBe(before.unfolded ? formatLock(before.lock) : text);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads a missing or empty lock file as no entries, and the journal laid over it', () => {
    for (const text of [undefined, '', '  \n', '\u00a0\n']) {
      const base = readLock(lockFiles(text)).base;
      const path = lockFiles(text, formatLockStep(base, SERVERS[0]!, { 'a.yaml': entry(SERVERS[0]!, 'a.yaml', 1), 'b.yaml': null }));
      expect(visited(path)).toEqual([[SERVERS[0], 'a.yaml', entry(SERVERS[0]!, 'a.yaml', 1)]]);
      expect(lockBase(path)).toBe(base);
      expect(visited(lockFiles(text))).toEqual([]);
      const expected = formatLock(readLock(path).lock);
      expect(foldLock(path)).toBe(readLock(path).base);
      expect(readFileSync(path, 'utf8')).toBe(expected);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
  });

  it('gives what readLock gives for names a whole read places or treats otherwise', () => {
    const odd: LockFile = {
      version: 1,
      servers: { 'https://one.example': { '10': entry('s', '10', 1), '9': entry('s', '9', 2), constructor: entry('s', 'c', 3), 'a.yaml': entry('s', 'a', 4) } },
    };
    const texts = [formatLock(odd), '{"version":1,"servers":{"s":{"b":' + JSON.stringify(entry('s', 'b', 1)) + ',"a":' + JSON.stringify(entry('s', 'a', 2)) + '}}}'];
    texts.push('{"version":1,"servers":{"s":{"a":' + JSON.stringify(entry('s', 'a', 1)) + ',"a":' + JSON.stringify(entry('s', 'a', 2)) + '}}}');
    texts.push('{"version":1,"extra":[1],"servers":{}}');
    // Array-index names in the order of text: JavaScript puts them first, in the order of numbers.
    texts.push('{"version":1,"servers":{"s":{"10":' + JSON.stringify(entry('s', '10', 1)) + ',"9":' + JSON.stringify(entry('s', '9', 2)) + '}}}');
    for (const text of texts) {
      const base = readLock(lockFiles(text)).base;
      const path = lockFiles(text, formatLockStep(base, 's', { b: entry('s', 'b', 7) }));
      expect(visited(path), text).toEqual(wholeRead(path));
      const expected = formatLock(readLock(path).lock);
      foldLock(path);
      expect(readFileSync(path, 'utf8')).toBe(expected);
    }
    // The same of names only the journal has.
    for (const named of ['7', '__proto__']) {
      const text = formatLock({ version: 1, servers: { s: { a: entry('s', 'a', 1) } } });
      const path = lockFiles(text, formatLockStep(readLock(lockFiles(text)).base, 's', { [named]: entry('s', named, 2), b: entry('s', 'b', 3) }));
      expect(visited(path), named).toEqual(wholeRead(path));
      const expected = formatLock(readLock(path).lock);
      foldLock(path);
      expect(readFileSync(path, 'utf8')).toBe(expected);
    }
  });

  it('reads the file anew once it is not the one last read', () => {
    const first = formatLock({ version: 1, servers: { s: { a: entry('s', 'a', 1) } } });
    const path = lockFiles(first);
    expect(visited(path)).toEqual(wholeRead(path));
    // Replaced in place by hand, and a journal written over the new text.
    const second = formatLock({ version: 1, servers: { s: { b: entry('s', 'b', 2) } } });
    writeFileSync(path, second);
    writeFileSync(lockJournalPath(path), formatLockStep(readLock(path).base, 's', { c: entry('s', 'c', 3) }));
    expect(visited(path).map(([, name]) => name)).toEqual(['b', 'c']);
    expect(lockBase(path)).toBe(readLock(path).base);
  });

  it('reads in pieces a file whose entry names one id twice (one file owning it)', () => {
    const twice = { ...entry('s', 'a', 1), ids: ['i', 'i'] };
    const path = lockFiles(formatLock({ version: 1, servers: { s: { a: twice, b: entry('s', 'b', 2) } } }));
    const { result, wholeReads } = counted(() => visited(path));
    expect(result).toEqual(wholeRead(path));
    expect(wholeReads).toBe(0);
  });

  it('refuses what readLock refuses, with its error, before visiting anything', () => {
    const good = formatLock({ version: 1, servers: { s: { a: entry('s', 'a', 1) } } });
    const cases: Array<[string, string?]> = [
      ['{"version":1,"servers":{'],
      ['{"version":1,"servers":{},}'],
      ['{"version":1,"servers":{"s":{"a":' + JSON.stringify(entry('s', 'a', 1)) + ',}}}'],
      ['{"version":1,"servers":{"s":{"a":' + JSON.stringify(entry('s', 'a', 1)) + '}}} ,'],
      ['{"version":1,"servers":{"s":{"a":' + JSON.stringify(entry('s', 'a', 1)).replace('"ids":[', '"ids":[,') + '}}}'],
      ['{"version":1 "servers":{}}'],
      ['{"version":01,"servers":{}}'],
      ['{"version":2,"servers":{}}'],
      ['{"version":1,"servers":[]}'],
      ['{"version":1}'],
      ['[1]'],
      ['{"version":1,"servers":{"s":{"a":{"agent_id":"x","ids":[1],"when":"w","timezone":"UTC"}}}}'],
      ['{"version":1,"servers":{"s":{"a":{"agent_id":"x","ids":["i"],"when":"w","timezone":"UTC"},"b":{"agent_id":"y","ids":["i"],"when":"w","timezone":"UTC"}}}}'],
      ['{"version":1,"servers":{"s":{"a":{"agent_id":"x","ids":["i","i"],"when":"w","timezone":"UTC"}}}}x'],
      [`<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`],
      [good, `not a step\n${formatLockStep('0000000000000000', 's', {})}`],
      [good, '\u00ff'],
    ];
    for (const [text, journal] of cases) {
      const path = lockFiles(text, journal);
      if (journal === '\u00ff') writeFileSync(lockJournalPath(path), Buffer.from([0xff, 0x0a]));
      const expected = (() => {
        try {
          readLock(path);
        } catch (error) {
          return error;
        }
        throw new Error(`readLock read ${text}`);
      })() as Error & { hint?: string; exitCode?: number };
      const seen: string[] = [];
      for (const run of [() => eachLockEntry(path, (_, name) => seen.push(name)), () => foldLock(path)]) {
        const got = (() => {
          try {
            run();
          } catch (error) {
            return error as typeof expected;
          }
        })();
        expect([got?.message, got?.hint, got?.exitCode], text).toEqual([expected.message, expected.hint, expected.exitCode]);
      }
      expect(seen, text).toEqual([]);
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
    // Not UTF-8, a folder in its place: readTextFile's errors.
    const bytes = lockFiles(undefined);
    writeFileSync(bytes, Buffer.concat([Buffer.from('{"version":1,\n"servers":{"\xff'), Buffer.from([0xff]), Buffer.from('"}}')]));
    const folder = lockFiles(undefined);
    mkdirSync(folder);
    for (const path of [bytes, folder]) {
      const expected = (() => {
        try {
          readLock(path);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(expected).toBeDefined();
      expect(() => eachLockEntry(path, () => undefined)).toThrow(expected!);
      expect(() => foldLock(path)).toThrow(expected!);
      expect(() => lockBase(path)).toThrow(expected!);
    }
  });

  it('leaves the old file as it was when a fold is cut off', async () => {
    const lock: LockFile = { version: 1, servers: {} };
    for (let n = 0; n < 400; n++) (lock.servers[SERVERS[n % 4]!] ??= {})[`file-${n}.yaml`] = entry(SERVERS[n % 4]!, `file-${n}.yaml`, n, 500);
    const text = formatLock(lock);
    const path = lockFiles(text);
    const journal = formatLockStep(readLock(path).base, SERVERS[1]!, { 'file-1.yaml': null, 'new.yaml': entry(SERVERS[1]!, 'new.yaml', 3) });
    writeFileSync(lockJournalPath(path), journal);
    chmodSync(path, 0o600);
    const before = readLock(path);
    // Killed at its third piece: the first two are in the new file, which never takes the old one's place.
    const program = bundleProgram(`
      import { foldLock } from './src/ascode/lock-stream';
      const fs = require('node:fs');
      const write = fs.writeFileSync;
      let pieces = 0;
      fs.writeFileSync = (...args) => {
        if (typeof args[0] === 'number' && ++pieces === 3) process.kill(process.pid, 'SIGKILL');
        return write(...args);
      };
      foldLock(process.argv[2]!);
    `);
    try {
      const { done } = startChild(program.file, [path]);
      expect((await done).signal).toBe('SIGKILL');
    } finally {
      program.dispose();
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readFileSync(lockJournalPath(path), 'utf8')).toBe(journal);
    expect(readLock(path)).toEqual(before);
    expect(readdirSync(join(path, '..')).some((name) => name.endsWith('.tmp'))).toBe(true);
    // The next fold writes the whole, and the dead writer's piece is cleared away.
    foldLock(path);
    expect(readFileSync(path, 'utf8')).toBe(formatLock(before.lock));
    expect(readdirSync(join(path, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

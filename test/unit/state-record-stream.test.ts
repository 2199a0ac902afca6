import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOps, type JournalOp, type ListName } from '../../src/state/journal';
import { foldInPieces, streamRecords, type StreamedRecord } from '../../src/state/record-stream';
import { existsSync, readFileSync, statSync } from 'node:fs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'record-stream-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LISTS: ListName[] = ['intents', 'series', 'paused'];
const KEY: Record<ListName, string> = { intents: 'schedule_id', series: 'series_id', paused: 'old_id' };

function files(data: unknown, lines: Array<{ g: number; k?: number; ops: JournalOp[] }>, pretty = true) {
  const path = join(dir, 'state.json');
  const journal = join(dir, 'state.journal');
  writeFileSync(path, pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data));
  writeFileSync(journal, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return { path, journal };
}

function streamed(path: string, journal: string) {
  const lists: Record<ListName, unknown[]> = { intents: [], series: [], paused: [] };
  const seen: StreamedRecord[] = [];
  const files = streamRecords(path, journal, (record) => {
    seen.push(record);
    lists[record.list].push(record.record);
  });
  return { files, lists, seen };
}

/** What a whole read makes of the same files: the data with every line of its generation or later applied. */
function whole(data: Record<string, unknown>, lines: Array<{ g: number; ops: JournalOp[] }>) {
  const copy = structuredClone(data);
  const generation = typeof copy.generation === 'number' ? copy.generation : 0;
  for (const line of lines) if (line.g >= generation) applyOps(copy, line.ops, 'server and id');
  return copy;
}

const record = (list: ListName, id: string, server: string | undefined, note: number) => ({
  [KEY[list]]: id,
  ...(server === undefined ? {} : list === 'paused' ? { server } : { server }),
  note,
  text: 'a "quoted" ] } , [ { string\\ with \u00e9 and \n newline',
});

describe('the record read a record at a time', () => {
  it('gives what a whole read gives, for any file and any journal of puts, dels and tops', () => {
    const list = fc.constantFrom<ListName>('intents', 'series', 'paused');
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const server = fc.constantFrom(undefined, 'https://one/', 'https://two/');
    const stored = fc.record({ list, id, server, note: fc.nat(9) });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), list, id, server, note: fc.nat(9), keyed: fc.boolean() }),
      fc.record({ kind: fc.constant('del' as const), list, id, server }),
      fc.record({ kind: fc.constant('top' as const), note: fc.nat(9) }),
    );
    fc.assert(
      fc.property(fc.array(stored, { maxLength: 12 }), fc.array(fc.array(op, { maxLength: 4 }), { maxLength: 6 }), fc.nat(2), fc.boolean(), (records, steps, generation, pretty) => {
        // Keys are unique within a list, as every step leaves them.
        const lists: Record<ListName, unknown[]> = { intents: [], series: [], paused: [] };
        const keys = new Set<string>();
        for (const r of records) {
          const key = `${r.list} ${r.server ?? ''} ${r.id}`;
          if (keys.has(key)) continue;
          keys.add(key);
          lists[r.list].push(record(r.list, r.id, r.server, r.note));
        }
        const data = { generation, version: 2, ...lists, extra: { kept: true } };
        const lines = steps.map((ops, n) => ({
          g: n === 0 ? generation - 1 : generation,
          k: 2,
          ops: ops.map((o): JournalOp => {
            if (o.kind === 'top') return { op: 'top', fields: { generation, version: 2, note: o.note } };
            const key = o.server === undefined ? o.id : `${o.server} ${o.id}`;
            if (o.kind === 'del') return { op: 'del', list: o.list, key };
            return { op: 'put', list: o.list, ...(o.keyed ? { key } : {}), record: record(o.list, o.id, o.server, o.note) };
          }),
        }));
        const { path, journal } = files(data, lines, pretty);
        const { files: read, lists: got } = streamed(path, journal);
        const expected = whole(data, lines);
        expect(read).toBeDefined();
        for (const name of LISTS) expect(got[name]).toEqual(expected[name]);
        const { intents: _i, series: _s, paused: _p, ...top } = expected;
        expect(read!.top).toEqual(top);
        // Folded a record at a time: the file holds the same, a generation on, and the journal is gone.
        const label = { what: 'state file', folderHint: '' };
        expect(foldInPieces(path, journal, label, label)).toBe(true);
        expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...expected, version: 2, generation: lines.length > 0 ? generation + 1 : generation });
        expect(existsSync(journal)).toBe(lines.length === 0);
        expect(statSync(path).mode & 0o777).toBe(0o600);
      }),
      { numRuns: 300 },
    );
  });

  it('folds into a file a whole read reads as it read the file and journal before', async () => {
    const data = { version: 2, generation: 4, intents: [{ schedule_id: 'a', server: 'https://one/' }, { schedule_id: 'b' }], series: [], paused: [], note: { n: [1, 2] } };
    const { path, journal } = files(data, [{ g: 4, k: 2, ops: [{ op: 'put', list: 'series', record: { series_id: 's', members: [] } }] }]);
    const label = { what: 'state file', folderHint: '' };
    expect(foldInPieces(path, journal, label, label)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual({ ...data, generation: 5, series: [{ series_id: 's', members: [] }] });
    // The layout a whole write gives (two spaces a level), so a person reading the file sees the same.
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    // With no journal, nothing moves on.
    expect(foldInPieces(path, journal, label, label)).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).generation).toBe(5);
  });

  it('reads a file of many pieces whatever falls on the edge between two: a quote, a backslash, a character of several bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3000), fc.constantFrom('\\', '"', '\u00e9', '\u{1f600}', ']', '}', ',', 'x')), { minLength: 40, maxLength: 80 }), fc.boolean(), (sizes, pretty) => {
        const intents = sizes.map(([size, char], n) => ({ schedule_id: `id-${n}`, text: `${char.repeat(size % 7)}${'a'.repeat(size)}${char}`, nested: { list: [char, { deeper: [char] }] } }));
        const data = { version: 2, intents, series: [], paused: [] };
        const { path, journal } = files(data, [], pretty);
        const { files: read, lists } = streamed(path, journal);
        expect(read).toBeDefined();
        expect(lists.intents).toEqual(intents);
      }),
      { numRuns: 30 },
    );
  });

  it('reads the top-level fields wherever they stand, lists absent, and a file that is not there', () => {
    const { path, journal } = files({ intents: [{ schedule_id: 'x' }], version: 2, generation: 3 }, [{ g: 3, k: 2, ops: [{ op: 'put', list: 'paused', record: { old_id: 'p' } }] }]);
    const { files: read, lists } = streamed(path, journal);
    expect(read?.generation).toBe(3);
    expect(lists).toEqual({ intents: [{ schedule_id: 'x' }], series: [], paused: [{ old_id: 'p' }] });
    rmSync(path);
    expect(streamed(path, journal).lists.paused).toEqual([{ old_id: 'p' }]);
    expect(streamed(path, journal).files?.generation).toBe(0);
  });

  it('gives up where a whole read decides: damaged text, a newer version, a whole list written, a line without server keys', () => {
    const cases: Array<[string, string]> = [
      ['{"version": 2, "intents": [', ''],
      ['{"version": 2, "intents": [{}],}', ''],
      ['{"version": 9, "intents": []}', ''],
      ['{"version": 2, "intents": {}}', ''],
      ['{"version": 2, "intents": []} x', ''],
      ['{"version": 2, "intents": []}', '{"g":0,"k":2,"ops":[{"op":"list","list":"intents","records":[]}]}\n'],
      ['{"version": 2, "intents": []}', '{"g":0,"ops":[{"op":"del","list":"intents","key":"a"}]}\n'],
      ['{"version": 2, "intents": []}', 'not a line\n{"g":0,"k":2,"ops":[]}\n'],
      ['{"version": 2, "intents": []}', '{"g":0,"k":2,"ops":[{"op":"put","list":"intents","key":"a","record":{"schedule_id":"b"}}]}\n'],
    ];
    for (const [state, journal] of cases) {
      writeFileSync(join(dir, 'state.json'), state);
      writeFileSync(join(dir, 'state.journal'), journal);
      expect(streamed(join(dir, 'state.json'), join(dir, 'state.journal')).files, `${state} | ${journal}`).toBeUndefined();
    }
  });

  it('gives what a whole read gives when the file holds two records of one key the journal names', () => {
    const data = { version: 2, intents: [{ schedule_id: 'a', n: 1 }, { schedule_id: 'b' }, { schedule_id: 'a', n: 2 }], series: [], paused: [] };
    const cases: JournalOp[][] = [
      [
        { op: 'del', list: 'intents', key: 'a' },
        { op: 'del', list: 'intents', key: 'a' },
      ],
      [
        { op: 'del', list: 'intents', key: 'a' },
        { op: 'put', list: 'intents', record: { schedule_id: 'a', n: 3 } },
      ],
      [{ op: 'put', list: 'intents', record: { schedule_id: 'a', n: 3 } }],
    ];
    for (const ops of cases) {
      const lines = [{ g: 0, k: 2, ops }];
      const { path, journal } = files(data, lines);
      const read = streamed(path, journal);
      // Read so, or left to a whole read (undefined): never another list than a whole read's.
      if (read.files !== undefined) expect(read.lists.intents, JSON.stringify(ops)).toEqual(whole(data, lines).intents);
    }
  });

  it('numbers each record by its place in its list, as a whole read names one it sets aside', () => {
    const { path, journal } = files({ version: 2, intents: [{ schedule_id: 'a' }, 7, { schedule_id: 'b' }] }, [{ g: 0, k: 2, ops: [{ op: 'del', list: 'intents', key: 'a' }] }]);
    expect(streamed(path, journal).seen.map((r) => [r.index, r.record])).toEqual([
      [0, 7],
      [1, { schedule_id: 'b' }],
    ]);
  });
});

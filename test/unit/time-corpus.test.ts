import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOf, meaningOfOnce, meaningOfSchedule, type PhraseMeaning } from '../../src/time/index';

/*
 * Phrases people type, with answers worked out from the spec (time-language.md),
 * not from this code: see the header of the fixture for the columns.
 * Recurring rows compare firing instants, so any cron (or set of crons) that
 * fires at the right times passes.
 */
interface Row {
  phrase: string;
  zone: string;
  now: string;
  mode: 'once' | 'recurring' | 'auto';
  kind: 'one-time' | 'recurring' | 'series' | 'error' | 'error|series';
  expected: string;
}

const rows: Row[] = readFileSync(join(__dirname, '..', 'fixtures', 'phrases.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [phrase, zone, now, mode, kind, expected = ''] = line.split('\t');
    return { phrase, zone, now, mode, kind, expected } as Row;
  });

function read(row: Row): Promise<PhraseMeaning> {
  const options = { now: Date.parse(row.now), zone: row.zone };
  if (row.mode === 'once') return meaningOfOnce(row.phrase, options);
  if (row.mode === 'recurring') return meaningOfSchedule(row.phrase, options, 5);
  return meaningOf(row.phrase, options, 5);
}

async function outcome(row: Row): Promise<PhraseMeaning | UsageError> {
  try {
    return await read(row);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
}

describe('phrase corpus', () => {
  it('has a few hundred rows', () => {
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows.map((row) => [`${row.phrase} [${row.zone}, ${row.mode}]`, row] as const))('%s', async (_name, row) => {
    const result = await outcome(row);
    const runs = row.expected ? row.expected.split(',') : [];
    switch (row.kind) {
      case 'error':
        expect(result).toBeInstanceOf(UsageError);
        break;
      case 'error|series':
        if (!(result instanceof UsageError)) expect(result.type).toBe('series');
        break;
      case 'one-time':
        expect(result).toMatchObject({ type: 'one-time', scheduled_at_iso: row.expected });
        break;
      case 'recurring':
        expect(result).toMatchObject({ type: 'recurring' });
        expect((result as PhraseMeaning & { next_runs: string[] }).next_runs.slice(0, runs.length)).toEqual(runs);
        break;
      case 'series':
        expect(result).toMatchObject({ type: 'series' });
        if (runs.length) expect((result as PhraseMeaning & { next_runs: string[] }).next_runs[0]).toBe(runs[0]);
        break;
    }
  });
});

/**
 * What recording one step costs, by the size of the record: bytes written and
 * time per step at 500 and 5,000 schedules, the whole file rewritten at each
 * step (as before the journal; `openState` without `journal`) against the
 * journal (each step appended, folded in at the end), interleaved in one run.
 * A step is what a sync's DST replacement records: the attempt, then the
 * replacement with its lineage. Run alone with `npx tsx bench/cases/state-steps.ts`
 * (STEPS sets how many, default 100); `npm run bench` runs it with the rest.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldJournals } from '../../src/state/journal-end';
import { findIntent, recordAttempt, recordIntent, recordReplacement, successorOf, type Intent } from '../../src/state/records';
import { openState } from '../../src/state/store';
import { weekdayIntent } from '../../test/helpers/records';

const STEPS = Number(process.env.STEPS ?? 100);
const SIZES = [500, 5000];
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const AT = '2027-03-15T12:00:00.000Z';

function intent(i: number): Intent {
  return weekdayIntent(`scheduled_message-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, { agent_id: AGENT, server: SERVER });
}

/** Bytes in the state folder's files now (the state file and, when there is one, the journal). */
function folderBytes(dir: string): Map<string, number> {
  return new Map(
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => [name, statSync(join(dir, name)).size]),
  );
}

/** What a sequence of writes put on disk: each file's growth, or its whole size when it was rewritten (it shrank or was replaced). */
function written(before: Map<string, number>, after: Map<string, number>, rewritten: boolean): number {
  let bytes = 0;
  for (const [name, size] of after) {
    const was = before.get(name) ?? 0;
    bytes += rewritten && name === 'state.json' ? size : Math.max(0, size - was);
  }
  return bytes;
}

interface Measured {
  bytesPerStep: number;
  msPerStep: number[];
  /** With the fold at the end of the command counted in (the journal only). */
  bytesWithFold: number;
  msWithFold: number;
}

/** Every record's server: the store of a command opened for it (`server`) steps on that server's part. */
const SERVER = 'https://api.letta.com/';

async function measure(size: number, journal: boolean, server?: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-state-steps-'));
  const env = { LETTA_SWITCHBOARD_STATE_DIR: dir };
  await openState(env, '/nonexistent-home').update((state) => {
    for (let i = 0; i < size; i++) recordIntent(state, intent(i));
  });
  const store = openState(env, '/nonexistent-home', { journal, ...(server === undefined ? {} : { server }) });
  await store.read();
  const ms: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < STEPS; i++) {
    const old = intent(i).schedule_id;
    const next = `scheduled_message-${String(i).padStart(8, '0')}-1111-4000-8000-000000000000`;
    for (const step of [
      (state: Parameters<typeof recordIntent>[0]) => {
        const holder = findIntent(state, old)!;
        recordAttempt(state, holder, {
          at: AT,
          schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' },
          messages: [{ role: 'user', content: 'Standup' }],
          successor: successorOf(holder, '', AT),
        });
      },
      (state: Parameters<typeof recordIntent>[0]) => recordReplacement(state, old, successorOf(findIntent(state, old)!, next, AT, { utc_crons: ['0 13 * * 1-5'] }), AT),
    ]) {
      const before = folderBytes(dir);
      const t = performance.now();
      await store.update(step);
      ms.push(performance.now() - t);
      const after = folderBytes(dir);
      bytes += written(before, after, !journal || (after.get('state.journal') ?? 0) < (before.get('state.journal') ?? 0));
    }
  }
  const beforeFold = folderBytes(dir);
  await foldJournals();
  const folded = written(beforeFold, folderBytes(dir), journal);
  const total = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  const steps = STEPS * 2;
  return { bytesPerStep: bytes / steps, msPerStep: ms, bytesWithFold: (bytes + folded) / steps, msWithFold: total / steps };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 2 : 0)} KiB`;

export async function run(): Promise<void> {
  console.log(`\nRecording one step (${STEPS * 2} steps: a sync's attempt, then its replacement), whole file rewritten each step vs the journal\n`);
  console.log(
    "| schedules | whole file: bytes/step | journal: bytes/step | with the fold at the end | bytes ratio | whole file: median ms/step | journal: median ms/step | time ratio | journal incl. fold: ms/step | journal, a server's store: median ms/step |",
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of SIZES) {
    // Interleaved: whole, journal, journal through the server's store, and again; the median of each.
    const rounds = await (async () => {
      const all: Array<[Measured, Measured, Measured]> = [];
      for (let r = 0; r < 2; r++) all.push([await measure(size, false), await measure(size, true), await measure(size, true, SERVER)]);
      return all;
    })();
    const whole = rounds.map(([w]) => w);
    const journal = rounds.map(([, j]) => j);
    const onServer = rounds.map(([, , s]) => s);
    const wholeMs = median(whole.flatMap((m) => m.msPerStep));
    const journalMs = median(journal.flatMap((m) => m.msPerStep));
    const wholeBytes = median(whole.map((m) => m.bytesPerStep));
    const journalBytes = median(journal.map((m) => m.bytesPerStep));
    console.log(
      `| ${size.toLocaleString('en-US')} | ${kib(wholeBytes)} | ${kib(journalBytes)} | ${kib(median(journal.map((m) => m.bytesWithFold)))} | ${(wholeBytes / journalBytes).toFixed(0)}x | ${wholeMs.toFixed(2)} | ${journalMs.toFixed(2)} | ${(wholeMs / journalMs).toFixed(1)}x | ${median(journal.map((m) => m.msWithFold)).toFixed(2)} | ${median(onServer.flatMap((m) => m.msPerStep)).toFixed(2)} |`,
    );
  }
}

export default { name: 'state steps', run };

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await run();

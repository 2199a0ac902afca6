import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldJournals } from '../src/state/journal-end';
import { openState } from '../src/state/store';
import { weekdayIntent } from '../test/helpers/records';

/**
 * What one step of the record costs as the record grows, through a store of one server's records
 * and through one of every record: each step writes one record in place (as sync's stamps do).
 * Run: npx tsx bench/record-steps.ts
 */
const SERVER = 'http://127.0.0.1:1/';
const STEPS = 1000;

async function msPerStep(records: number, server: string | undefined): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-bench-'));
  const intents = Array.from({ length: records }, (_, i) => weekdayIntent(`sm-${i}`, { server: SERVER }));
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 2, intents, series: [], paused: [] }));
  const store = openState({ LETTA_SWITCHBOARD_STATE_DIR: dir }, '/nonexistent-home', { journal: true, ...(server ? { server } : {}) });
  await store.read();
  const started = performance.now();
  for (let step = 0; step < STEPS; step++) {
    const index = (step * 7919) % records;
    await store.update((state) => void (state.intents[index]!.phrase = `p${step}`));
  }
  const ms = (performance.now() - started) / STEPS;
  await foldJournals();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

for (const records of [2_000, 10_000, 50_000]) {
  const whole = await msPerStep(records, undefined);
  const scoped = await msPerStep(records, SERVER);
  console.log(`${records} records: ${whole.toFixed(2)} ms a step through every record's store, ${scoped.toFixed(2)} ms through one server's`);
}

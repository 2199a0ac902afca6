import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { openState } from '../../src/state/store';
import type { State } from '../../src/state/records';
import type { FakeLetta } from './fake-letta';
import { BIN, runCli } from './run-cli';

/** Run the built CLI with `args` and kill -9 it as the server receives its k-th request (counting from 1). */
export function killedAtRequest(letta: FakeLetta, env: Record<string, string>, args: string[], k: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: 'ignore' });
    let seen = 0;
    letta.onRequest = () => {
      if (++seen === k) child.kill('SIGKILL');
    };
    child.on('close', () => {
      letta.onRequest = undefined;
      resolve();
    });
  });
}

/**
 * After a killed command, `sync` at `now`: the record then stands for exactly
 * what the server has (nothing unrecorded, nothing recorded that is not there,
 * no create left unfinished). Returns the record and the ids on the server.
 */
export async function syncedAfterKill(letta: FakeLetta, env: Record<string, string>, now: string, at: string): Promise<{ record: State; onServer: string[] }> {
  const synced = await runCli(['--now', now, 'sync'], { env });
  expect(synced.code, `${at}: ${synced.stderr}`).toBe(0);
  const record = await openState(env, env.HOME!).read();
  const onServer = [...letta.schedules.keys()].sort();
  expect(
    record.intents
      .filter((i) => i.status === 'active')
      .map((i) => i.schedule_id)
      .sort(),
    at,
  ).toEqual(onServer);
  expect(
    record.intents.filter((i) => i.status === 'creating'),
    at,
  ).toEqual([]);
  return { record, onServer };
}

/** Then `status` names no unfinished create, and a second sync has nothing left to change. */
export async function nothingLeftAfterKill(letta: FakeLetta, env: Record<string, string>, now: string, at: string): Promise<void> {
  const status = await runCli(['--now', now, 'status', '--json'], { env });
  expect(JSON.parse(status.stdout).record.unfinished_creates, at).toEqual([]);
  letta.received.length = 0;
  await runCli(['--now', now, 'sync'], { env });
  expect(
    letta.received.filter((r) => r.method !== 'GET'),
    at,
  ).toEqual([]);
}

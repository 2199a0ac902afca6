import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { BIN, cliEnv } from '../helpers/run-cli';
import { AGENT, useFakeLetta } from '../helpers/suite';

/** stdout on a full disk (Linux's /dev/full refuses every write): the loss is an error with exit 1, not a bug report or a stack trace. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

/** The CLI with stdout (or stderr) on /dev/full; the other stream and the exit code. */
function intoFullDisk(args: string[], runEnv: Record<string, string>, full: 'stdout' | 'stderr' = 'stdout'): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const device = openSync('/dev/full', 'w');
  const stdio = full === 'stdout' ? (['ignore', device, 'pipe'] as const) : (['ignore', 'pipe', device] as const);
  const child = spawn(process.execPath, [BIN, ...args], { env: runEnv, stdio: [...stdio] });
  closeSync(device);
  const got = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (got.stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (got.stderr += text));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...got })));
}

const LOST = /^Error: Could not write the output to stdout: no space left on device \(ENOSPC\); the rest of it is lost\n$/;

describe.skipIf(!existsSync('/dev/full'))('stdout that takes no write', () => {
  it.each([[['parse', 'every weekday at 10am', '--tz', 'UTC', '--json']], [['--version']], [['--version', '--json']]])('%j: exit 1, said in one line', async (args) => {
    const r = await intoFullDisk(args, cliEnv());
    expect(r.stderr).toMatch(LOST);
    expect(r.code).toBe(1);
  });

  it('a list from Letta: exit 1, said in one line', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    const r = await intoFullDisk(['recurring', 'list', '--json'], env);
    expect(r.stderr).toMatch(LOST);
    expect(r.code).toBe(1);
  });

  it.each([
    [['recurring', 'get', 'sm-999999'], 3],
    [['parse', 'blorp'], 2],
    [['recurring', 'list', '-q'], 0],
  ])('with stderr there instead, %j keeps its own exit code (%i)', async (args, code) => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    const r = await intoFullDisk(args, env, 'stderr');
    expect(r.code).toBe(code);
    if (code === 0) expect(r.stdout).toBe(`${made.id}\n`);
  });
});

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

/** The CLI with stdout on /dev/full; its stderr and exit code. */
function intoFullDisk(args: string[], runEnv: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [BIN, ...args], { env: runEnv, stdio: ['ignore', full, 'pipe'] });
  closeSync(full);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
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
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** A global --tz naming no zone, or --now no instant, is bad input (exit 2) on every command, as --timeout abc is: not only on those that show times. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

describe('an unknown --tz', () => {
  it.each([
    ['agents', 'list', '--json'],
    ['config', 'show', '--json'],
    ['config', 'path'],
    ['completion', 'bash'],
  ])('is refused by %s %s before anything is done', async (...args) => {
    const r = await runCli([...args, '--tz', 'Mars/Phobos'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: Unknown time zone 'Mars\/Phobos'/);
    expect(letta.received).toEqual([]);
  });

  it.each([
    ['agents', 'list'],
    ['config', 'path'],
  ])('--now that is no instant is refused by %s %s too', async (...args) => {
    const r = await runCli([...args, '--now', 'yesterday'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: --now 'yesterday' is not an instant/);
    expect(letta.received).toEqual([]);
  });

  it('a known one is taken, and config show names it as from the flag', async () => {
    expect((await runCli(['agents', 'list', '-q', '--tz', 'Asia/Kolkata'], { env })).code).toBe(0);
    const shown = await runCli(['config', 'show', '--json', '--tz', 'Asia/Kolkata'], { env });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).timezone).toMatchObject({ value: 'Asia/Kolkata', source: 'flag' });
  });
});

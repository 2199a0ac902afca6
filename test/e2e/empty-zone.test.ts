import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

/** `--tz "$ZONE"` with ZONE unset: an empty zone is bad input, not a quiet fall back to another zone. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (args: string[], extra: Record<string, string> = {}) => runCli(['--now', NOW, ...args], { env: { ...env, ...extra } });

describe('an empty --tz', () => {
  it.each([
    ['recurring create', ['recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', '']],
    ['onetime create', ['onetime', 'create', '--message', 'Hi', '--execute-at', 'tomorrow at 9am', '--tz', '']],
    ['before the command', ['--tz', '', 'send', '--message', 'Hi', '--execute-at', 'tomorrow at 9am']],
  ])('%s: exit 2, said, nothing sent, even with a zone configured', async (_, args) => {
    const r = await cli(args, { TZ: 'Asia/Kolkata' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: --tz was given an empty time zone name/);
    expect(letta.requests('POST')).toEqual([]);
  });

  it('agenda and parse: exit 2 too', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    for (const args of [
      ['agenda', '--days', '1', '--tz', ''],
      ['parse', 'every day at 9am', '--tz', ''],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('an empty --api-key or --base-url', () => {
  it.each([
    ['--api-key', /^Error: --api-key was given an empty API key/],
    ['--base-url', /^Error: --base-url was given an empty address/],
  ])('%s "": exit 2, said, nothing sent, though the environment has one', async (flag, said) => {
    const r = await cli(['recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', flag, '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(letta.requests()).toEqual([]);
  });
});

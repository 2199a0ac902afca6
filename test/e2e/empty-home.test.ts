import { mkdtempSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, tempHome } from '../helpers/run-cli';

/** An empty HOME (`env -i HOME=`, some service managers) never puts the key, the record or the code cache under the current folder. */
describe('an empty or relative HOME', () => {
  const here = () => mkdtempSync(join(tempHome().home, 'cwd-'));

  it.each([[''], ['relative/home']])('HOME=%j: the config is in the account home, and nothing is written to the current folder', async (home) => {
    const cwd = here();
    const env = cliEnv({ HOME: home, LETTA_SWITCHBOARD_CONFIG_DIR: undefined, XDG_CONFIG_HOME: 'relative/config', XDG_STATE_HOME: 'relative/state', XDG_CACHE_HOME: undefined });
    const path = await runCli(['config', 'path', '--json'], { env, cwd });
    expect(path.code).toBe(0);
    expect(JSON.parse(path.stdout)).toEqual({
      config_file: join(userInfo().homedir, '.config', 'letta-switchboard', 'config.json'),
      state_file: join(userInfo().homedir, '.local', 'state', 'letta-switchboard', 'state.json'),
      journal_file: join(userInfo().homedir, '.local', 'state', 'letta-switchboard', 'state.journal'),
    });
    const parse = await runCli(['parse', 'every day at 9am'], { env: { ...env, LETTA_SWITCHBOARD_CONFIG_DIR: join(cwd, '..', 'config') }, cwd });
    expect(parse.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

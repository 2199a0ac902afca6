import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_KEY } from '../helpers/fake-letta';
import { cliEnv, runCli } from '../helpers/run-cli';

/** A key copied with its quotes (from a .env line or a JSON file) would be saved as given, and every later command refused with 401. */
describe('config set-api-key given a key in quotes', () => {
  it.each([`"${TEST_KEY}"`, `'${TEST_KEY}'\n`, `\`${TEST_KEY}\``])('%s: exit 2, said, nothing saved', async (input) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-api-key', '-'], { env, input });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: The API key is wrapped in quotes/);
    expect(r.stderr).not.toContain(TEST_KEY);
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '').not.toContain('sk-');
  });
});

/** A key copied with the name it had in a .env file or a shell line would be saved whole, and refused by Letta (401) later. */
describe('config set-api-key given a key with its variable name', () => {
  it.each([
    [`LETTA_API_KEY=${TEST_KEY}`, 'LETTA_API_KEY'],
    [`letta_key=${TEST_KEY}\n`, 'letta_key'],
    [`API_KEY=${TEST_KEY}==`, 'API_KEY'],
  ])('%s: exit 2, said, nothing saved', async (input, name) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-api-key', '-'], { env, input });
    expect([r.code, r.stderr]).toEqual([2, `Error: The API key starts with '${name}=', as a line of a .env file or a shell does\nPaste the key alone, without '${name}='.\n`]);
    const file = join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json');
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '').not.toContain('sk-');
  });

  it.each(['sk-let-abc=def', 'c2stbGV0LWFiYw==', 'abcDEF123='])('%s, a key whose = is its own, is saved', async (key) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-api-key', '-'], { env, input: key });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), 'utf8'))).toEqual({ api_key: key });
  });
});

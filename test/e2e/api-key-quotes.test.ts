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

import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/run-cli';

/** `--version` is plain text for people; with --json it is a document, as every --json answer is. */
describe('--version', () => {
  it.each([
    ['--version', '--json'],
    ['--json', '--version'],
    ['-V', '--json'],
  ])('%s %s prints the name and version as JSON', async (...args) => {
    const r = await runCli(args, { env: cliEnv() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plain = await runCli(['--version'], { env: cliEnv() });
    expect(JSON.parse(r.stdout)).toEqual({ name: 'letta-switchboard', version: plain.stdout.trim() });
  });

  it('alone stays one line of text', async () => {
    const r = await runCli(['--version'], { env: cliEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });
});

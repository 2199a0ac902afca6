import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';
import type { Io } from '../../src/output/output';

const WORDS = [
  'send',
  'create',
  'onetime',
  'recurring',
  'list',
  'get',
  'delete',
  'results',
  'agents',
  'config',
  'parse',
  'completion',
  'set-api-key',
  'set-url',
  'set-timezone',
  'unset',
  'show',
  'path',
  'bash',
  '-',
  '--json',
  '-q',
  '--no-color',
  '--tz',
  '--now',
  '--timeout',
  '--dry-run',
  '--agent-id',
  '--message',
  '--execute-at',
  '--cron',
  '--role',
  '--count',
  '--once',
  '--recurring',
  '--limit',
  'tomorrow at 9am',
  'every weekday at 10am',
  '13pm',
  'Mars/Olympus',
  '0 9 * * *',
  '-1',
  'abc',
];

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
  };
  const dir = mkdtempSync(join(tmpdir(), 'letta-switchboard-fuzz-'));
  const env = { LETTA_SWITCHBOARD_CONFIG_DIR: dir, HOME: dir, LETTA_BASE_URL: 'http://127.0.0.1:9' };
  const code = await main(['node', 'letta-switchboard', ...args], io, env, new AbortController().signal);
  return { code, stdout, stderr };
}

describe('the argument parser under random input', () => {
  it('never throws; exits 0, 2 or 4 (no key) and explains every failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 7 }), async (args) => {
        const { code, stderr } = await run(args);
        expect([0, 2, 4]).toContain(code);
        if (code !== 0) expect(stderr).toMatch(/^Error: /m);
        expect(stderr).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 300, seed: 42 },
    );
  }, 60_000);
});

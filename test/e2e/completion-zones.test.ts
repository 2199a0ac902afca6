import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeOnce, openShell, type ShellSession } from '../helpers/pty-shell';
import { cliEnv } from '../helpers/run-cli';

/** --tz ⇥ offers zones by the names people type and the docs give (Asia/Kolkata), not only ICU's older ones (Asia/Calcutta). */
describe('completion of time zones in bash, typed on a terminal', { timeout: 60_000 }, () => {
  let session: ShellSession;
  beforeAll(async () => {
    session = await openShell('bash', cliEnv());
    await session.run('source <(letta-switchboard completion bash)');
  }, 60_000);
  afterAll(() => session?.close());

  it.each([
    ['letta-switchboard recurring create --tz Asia/Kolk', 'letta-switchboard recurring create --tz Asia/Kolkata'],
    ['letta-switchboard agenda --tz Europe/Ky', 'letta-switchboard agenda --tz Europe/Kyiv'],
    ['letta-switchboard config set-timezone Asia/Kath', 'letta-switchboard config set-timezone Asia/Kathmandu'],
  ])('%s ⇥ completes', async (line, expected) => {
    expect(await completeOnce(session, line)).toBe(expected);
  });

  it('Asia/Ka ⇥⇥ lists Asia/Kathmandu once, without its old name', async () => {
    const shown = await session.type('letta-switchboard recurring create --tz Asia/Ka\t\t', 'quiet');
    await session.run('\u0003true');
    expect(shown).toContain('Asia/Kathmandu');
    expect(shown).not.toContain('Asia/Katmandu');
  });
});

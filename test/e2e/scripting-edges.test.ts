import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });

describe('a value that starts with a dash', () => {
  it.each([
    [['send', '--message', '--json'], '--message=--json'],
    [['send', '--message', '--verbose'], '--message=--verbose'],
    [['onetime', 'create', '--execute-at', 'in 1 hour', '--message', '-q'], '--message=-q'],
  ])('%j: exit 2, nothing sent, and how to give it', async (args, joined) => {
    const r = await runCli(args, { env: suite.env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').at(-2)).toBe(`A value that starts with '-' is read as an option; join it to the flag with '=': ${joined}`);
    expect(suite.letta.received.filter((q) => q.method === 'POST')).toEqual([]);
  });

  it('joined with =, it is the message', async () => {
    const r = await runCli(['send', '--message=--json'], { env: suite.env });
    expect([r.code, r.stdout]).toEqual([0, 'Echo: --json\n']);
  });

  it('a flag with no value at all gets no such hint', async () => {
    const r = await runCli(['send', '--message'], { env: suite.env });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("join it to the flag with '='");
  });
});

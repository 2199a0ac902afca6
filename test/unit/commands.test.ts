import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();

describe('commands in-process', () => {
  it('parse prints one JSON document', async () => {
    const r = await h.run(['parse', 'every weekday at 9pm', '--tz', 'America/New_York', '--json', '--count', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cron_expression: '0 2 * * 2-6', next_runs: ['2026-11-24T02:00:00.000Z'] });
    expect(r.requests).toEqual([]);
  });

  it('parse says what it chose for a clock without am/pm: a note on stderr and in --json', async () => {
    const text = await h.run(['parse', 'friday at 4', '--tz', 'America/New_York', '--now', '2026-12-02T16:00:00Z']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2026-12-04 16:00');
    expect(text.stderr).toContain("Note: read '4' as 16:00; write '4 am' or 04:00 for the morning");
    const json = await h.run(['parse', 'every weekday at 5:30', '--tz', 'UTC', '--now', '2026-12-02T16:00:00Z', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ cron_expression: '30 17 * * 1-5', notes: ["read '5:30' as 17:30; write '5:30 am' or 05:30 for the morning"] });
  });

  it('a receipt carries the notes of its phrase', async () => {
    const r = await h.run(['onetime', 'create', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'tomorrow at 3', '--tz', 'UTC', '--now', '2026-12-02T16:00:00Z', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ scheduled_at_iso: '2026-12-03T15:00:00.000Z', notes: [expect.stringContaining("read '3' as 15:00")] });
    expect(r.stderr).toContain("Note: read '3' as 15:00");
  });

  it('a message on stdin past the limit is refused naming the limit in characters, as --message is', async () => {
    for (const size of [150_000, 500_000]) {
      const r = await h.run(['send', '--agent-id', AGENT, '--message', '-'], { stdin: 'a'.repeat(size) });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the limit is 100,000|larger than the limit of 100,000 characters/);
      expect(r.stderr).not.toContain('KiB');
      expect(r.requests).toEqual([]);
    }
  });

  it('create with --dry-run sends nothing and masks the key', async () => {
    const r = await h.run(['onetime', 'create', '--agent-id', AGENT, '--message', '-', '--execute-at', 'in 2 hours', '--dry-run'], { stdin: 'from stdin\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${h.letta.url}/v1/agents/${AGENT}/schedule`);
    expect(r.stdout).toContain('Authorization: Bearer sk-...CRET');
    expect(r.stdout).toContain('"content": "from stdin"');
    expect(r.stdout).toContain('"scheduled_at": 1795366800000');
    expect(r.requests).toEqual([]);
  });

  // agent_id is now in every row, whatever the options, so a script reads the same columns with or without --all-agents.
  it('list writes tab-separated rows to a pipe, agent_id always present', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-11-23T14:00:00Z') }, 'hello');
    const r = await h.run(['onetime', 'list', '--agent-id', AGENT, '--tz', 'America/New_York']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${item.id}\t${AGENT}\t2026-11-23 09:00 EST\t2026-11-23T14:00:00.000Z\thello\n`);
  });

  it('maps errors to one message, a hint and an exit code', async () => {
    const r = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'x', '--cron', 'every 7 seconds']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // One message line, then one hint line (the wording belongs to the time language's own tests).
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Error: 'every 7 seconds'.*step by whole minutes/);
    expect(lines[1]).toContain("'every minute'");
  });
});

import { describe, expect, it } from 'vitest';
import { AGENT, NOW } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/**
 * One-time phrases from other projects' tests, end to end: the request `send --dry-run` would
 * make, the note a user reads on stderr, and the refusal of a guess. NOW is Sunday 22 Nov 2026,
 * 10:00 in New York.
 */
const ny = ['--tz', 'America/New_York', '--now', NOW];

describe('one-time phrases through send and parse', () => {
  it('send --execute-at "tomorrow at midnight" sends 00:00 as Monday begins and says which midnight it took', async () => {
    const r = await runCli(['send', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'tomorrow at midnight', '--dry-run', ...ny]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"scheduled_at": ${Date.parse('2026-11-23T05:00:00Z')}`);
    expect(r.stderr).toContain("Note: read 'tomorrow at midnight' as 00:00 as Mon 23 Nov begins; write 'nov 24 00:00' for midnight at its end");
  });

  it('parse --json reads a weekday with a date in digits, the weekday choosing the order', async () => {
    const r = await runCli(['parse', 'thu 10.12.2026 at 2pm', '--json', ...ny]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { scheduled_at_iso: string; notes: string[] };
    expect(json.scheduled_at_iso).toBe('2026-12-10T19:00:00.000Z');
    expect(json.notes).toEqual([]);
  });

  it('a guess chrono would make is refused with the reason, exit 2', async () => {
    const r = await runCli(['send', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'end of this week', '--dry-run', ...ny]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: 'end of this week': which day ends or starts a week is not clear/);
  });
});

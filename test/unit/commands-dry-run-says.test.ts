import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/**
 * Every changing command under --dry-run prints the requests on stdout and says on stderr what it
 * would do, as delete's "Would delete ..." does: no ✓ and no id (nothing was made, so any id would
 * be a placeholder). -q and --json leave stdout to the requests and say nothing more.
 */
describe('--dry-run says what it would do', () => {
  const h = useHarness({ defaultAgent: true });

  /** Each changing command, given what it changes, with the line it opens stderr with. */
  const commands: Array<{ name: string; args: () => string[]; says: RegExp }> = [
    { name: 'send', args: () => ['send', '--message', 'hi'], says: /^Would send the message to agent-[-0-9]+ now and wait for the reply$/ },
    { name: 'send --async', args: () => ['send', '--message', 'hi', '--async'], says: /^Would send the message to agent-[-0-9]+ now, without waiting for the reply$/ },
    { name: 'send --execute-at', args: () => ['send', '--message', 'hi', '--execute-at', 'tomorrow at 9am'], says: /^Would schedule a one-time message$/ },
    { name: 'onetime create', args: () => ['onetime', 'create', '--message', 'hi', '--execute-at', 'in 2 hours'], says: /^Would schedule a one-time message$/ },
    { name: 'recurring create', args: () => ['recurring', 'create', '--message', 'hi', '--cron', 'every weekday at 9am'], says: /^Would create a recurring schedule$/ },
    {
      name: 'recurring create (a set)',
      args: () => ['recurring', 'create', '--message', 'hi', '--cron', 'every monday at 9am and tuesday at 5pm'],
      says: /^Would create 2 recurring schedules, one per cron$/,
    },
    {
      name: 'recurring create (a series)',
      args: () => ['recurring', 'create', '--message', 'hi', '--cron', 'every day at 9am', '--count', '3'],
      says: /^Would create a series of 3 one-time schedules$/,
    },
    { name: 'recurring edit', args: () => ['recurring', 'edit', recurring(), '--message', 'new'], says: /^Would replace sm-\d+ with a new recurring schedule$/ },
    { name: 'onetime edit', args: () => ['onetime', 'edit', once(), '--execute-at', 'in 3 days'], says: /^Would replace sm-\d+ with a new one-time schedule$/ },
    { name: 'run', args: () => ['run', recurring()], says: /^Would send the message of sm-\d+ to agent-[-0-9]+ now and wait for the reply$/ },
    { name: 'run --async', args: () => ['run', recurring(), '--async'], says: /^Would send the message of sm-\d+ to agent-[-0-9]+ now, without waiting for the reply$/ },
  ];

  function recurring(): string {
    return h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'daily').id;
  }

  function once(): string {
    return h.letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-11-30T09:00:00Z') }, 'once').id;
  }

  const changing = (requests: Array<{ method: string }>) => requests.filter((r) => r.method !== 'GET');

  for (const { name, args, says } of commands) {
    it(`${name}: the change on stderr, the requests alone on stdout, nothing sent`, async () => {
      const r = await h.run([...args(), '--dry-run']);
      expect(r.code).toBe(0);
      expect(changing(r.requests)).toEqual([]);
      expect(r.stdout).toMatch(/^(POST|DELETE) http:\/\/127\.0\.0\.1:\d+\/v1\/agents\//);
      expect(r.stderr.split('\n')[0]).toMatch(says);
      // Nothing was made: no placeholder id, no tick, no next step about what was done.
      expect(r.stderr).not.toMatch(/dry-run\)|✓|letta-switchboard (recurring|onetime) (get|delete)/);
    });

    it(`${name}: -q and --json keep stdout to the requests and add nothing on stderr`, async () => {
      const quiet = await h.run([...args(), '--dry-run', '-q']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).toMatch(/^(POST|DELETE) http/);
      expect(quiet.stderr).not.toMatch(/^Would /m);
      const json = await h.run([...args(), '--dry-run', '--json']);
      expect(json.code).toBe(0);
      for (const line of json.stdout.trimEnd().split('\n')) expect(JSON.parse(line)).toMatchObject({ method: expect.stringMatching(/^(POST|DELETE)$/) });
      expect(json.stderr).not.toMatch(/^Would /m);
    });
  }

  it('a create says what and when, as its real confirmation does, without the id', async () => {
    const r = await h.run(['recurring', 'create', '--message', 'Check the queue', '--cron', 'every weekday at 9am', '--tz', 'UTC', '--dry-run']);
    expect(r.stderr).toBe(
      [
        'Would create a recurring schedule',
        `  Agent    ${AGENT}`,
        '  Message  Check the queue',
        '  Cron     0 9 * * 1-5 (UTC)',
        '  Means    At 09:00 AM, Monday through Friday (UTC)',
        '  Next     Mon 2026-11-23 09:00 UTC (2026-11-23T09:00:00.000Z)',
        '',
      ].join('\n'),
    );
  });

  it('an edit says the change it would make, from the schedule as read', async () => {
    const id = recurring();
    const r = await h.run(['recurring', 'edit', id, '--message', 'new', '--dry-run']);
    expect(r.stderr).toBe(`Would replace ${id} with a new recurring schedule\n  Message  daily → new\n`);
  });
});

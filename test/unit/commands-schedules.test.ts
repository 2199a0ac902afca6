import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/store';
import { useHarness } from '../helpers/harness';
import { displayWidth } from '../../src/output/text';
import { AGENT, NOW } from '../helpers/suite';

const h = useHarness({ defaultAgent: true });
const OTHER = 'agent-33333333-3333-3333-3333-333333333333';
const inAnHour = () => ({ type: 'one-time', scheduled_at: Date.parse(NOW) + 3_600_000 });

describe('short ids', () => {
  it('among several it starts, one deleted here and no longer listed is passed over; the error names only those still there', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await h.run(['onetime', 'create', '--message', `m${i}`, '--execute-at', 'in 2 hours', '-q'])).stdout.trim());
    const short = '00000';
    expect(made.every((id) => id.startsWith(`sm-${short}`))).toBe(true);
    expect((await h.run(['onetime', 'delete', made[0]!, made[1]!])).code).toBe(0);
    const one = await h.run(['onetime', 'get', short, '-q']);
    expect(one.stderr).toBe('');
    expect(one.stdout.trim()).toBe(made[2]);
    made.push((await h.run(['onetime', 'create', '--message', 'm3', '--execute-at', 'in 2 hours', '-q'])).stdout.trim());
    const two = await h.run(['onetime', 'get', short]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`'${short}' starts 2 schedule ids: ${made[2]}, ${made[3]}`);
  });
});

describe('set ids', () => {
  it('given short after their type word, as typed from a list, they are found; a one-time command names the kind without asking Letta', async () => {
    const made = await h.run(['recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const setId = (JSON.parse(made.stdout) as { set_id: string }).set_id;
    const short = setId.slice(0, 'set-'.length + 6);
    const got = await h.run(['recurring', 'get', short.toUpperCase(), '-q']);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout.trim().split('\n')).toHaveLength(2);
    const none = await h.run(['recurring', 'get', 'series-abcd']);
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([3, "Error: No series id starts with 'series-abcd' in the record of intent"]);
    h.letta.received.length = 0;
    const wrong = await h.run(['onetime', 'delete', setId]);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toBe(`Error: '${setId}' is a recurring schedule, not a one-time one\nUse: letta-switchboard recurring delete ${setId}\n`);
    expect(h.letta.received).toEqual([]);
    expect(h.letta.schedules.size).toBe(2);
  });
});

describe('lists', () => {
  it('have the same columns in a pipe whatever the options: agent_id always', async () => {
    const mine = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'standup');
    h.letta.addSchedule(OTHER, { type: 'recurring', cron_expression: '0 10 * * *' }, 'other');
    const one = (await h.run(['recurring', 'list'])).stdout.trim().split('\n');
    const all = (await h.run(['recurring', 'list', '--all-agents'])).stdout.trim().split('\n');
    expect(one).toEqual([`${mine.id}\t${AGENT}\t0 9 * * *\t0 9 * * *\t2026-11-23 09:00 UTC\t2026-11-23T09:00:00.000Z\tstandup`]);
    expect(all.map((line) => line.split('\t').length)).toEqual([7, 7]);
  });

  it('fit the terminal: the message shrinks, no line is wider than the terminal', async () => {
    h.letta.addSchedule(AGENT, inAnHour(), `${'word '.repeat(40)}end`);
    const r = await h.run(['onetime', 'list'], { terminal: 90, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+RUNS AT\s+WHEN\s+UTC\s+MESSAGE$/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(90);
    expect(lines[1]).toContain('…');
    // Narrower: the UTC column goes (then how far away it runs) before the message is squeezed to nothing.
    const narrow = (await h.run(['onetime', 'list'], { terminal: 60, env: { NO_COLOR: '1' } })).stdout.trimEnd().split('\n');
    expect(narrow[0]).toMatch(/^ID\s+RUNS AT\s+WHEN\s+MESSAGE$/);
    for (const line of narrow) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(narrow[1]).toContain('word word');
  });

  it('stream JSON as one array and ids for -q', async () => {
    const items = [0, 1, 2].map(() => h.letta.addSchedule(AGENT, inAnHour()));
    const json = JSON.parse((await h.run(['onetime', 'list', '--json'])).stdout) as Array<{ id: string; scheduled_at_iso: string }>;
    expect(json.map((item) => item.id)).toEqual(items.map((item) => item.id));
    expect(json[0]!.scheduled_at_iso).toBe('2026-11-22T16:00:00.000Z');
    expect((await h.run(['onetime', 'list', '-q'])).stdout).toBe(items.map((item) => `${item.id}\n`).join(''));
  });

  it('a malformed record does not hide the others, and its bad field is named', async () => {
    const good = h.letta.addSchedule(AGENT, inAnHour(), 'good');
    const bad = h.letta.addSchedule(AGENT, inAnHour(), 'bad');
    bad.schedule.scheduled_at = 1e20;
    bad.next_scheduled_time = null;
    const r = await h.run(['onetime', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${good.id}\t${AGENT}\t2026-11-22 16:00 UTC`);
    expect(r.stdout).toContain(`${bad.id}\t${AGENT}\t-\t-\tbad`);
    expect(r.stderr).toContain('schedule.scheduled_at');
  });

  it('control sequences from the server are shown, never obeyed, in a detail view too', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'evil\u001b]0;owned\u0007title');
    const r = await h.run(['recurring', 'get', item.id]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('evil\\x1b]0;owned\\x07title');
  });
});

describe('delete', () => {
  it('of several ids where one fails: says which were deleted and which not, goes on, exits as that failure does', async () => {
    const [a, b] = [h.letta.addSchedule(AGENT, inAnHour()), h.letta.addSchedule(AGENT, inAnHour())];
    const r = await h.run(['onetime', 'delete', a.id, 'sm-missing', b.id]);
    expect(r.code).toBe(3);
    expect(h.letta.schedules.size).toBe(0);
    expect(r.stderr).toContain(`Deleted 2 of 3: ${a.id}, ${b.id}.`);
    expect(r.stderr).toContain('Not deleted: sm-missing.');
  });

  it('the same in JSON: one object per id', async () => {
    const a = h.letta.addSchedule(AGENT, inAnHour());
    const r = await h.run(['onetime', 'delete', 'sm-missing', a.id, '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'sm-missing', deleted: false, error: expect.stringContaining("No schedule 'sm-missing'") },
      { id: a.id, agent_id: AGENT, deleted: true },
    ]);
  });

  it('--json is an array for one id too, and one id exits as several do', async () => {
    const a = h.letta.addSchedule(AGENT, inAnHour());
    const one = await h.run(['onetime', 'delete', a.id, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual([{ id: a.id, agent_id: AGENT, deleted: true }]);
    const missing = await h.run(['onetime', 'delete', 'sm-missing', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toEqual([{ id: 'sm-missing', deleted: false, error: expect.stringContaining("No schedule 'sm-missing'") }]);
    // The array says it for a script; stderr says it for the person watching, as without --json.
    expect(missing.stderr).toMatch(/^Error: No schedule 'sm-missing'/);
    expect((await h.run(['onetime', 'delete', 'sm-missing'])).code).toBe(3);
  });

  // One at a time, the id after the one out was never tried; side by side (the default), it was sent and answered before Ctrl-C.
  it.each([
    ['1', 2, false],
    ['8', 3, true],
  ])('--concurrency %s: Ctrl-C while a delete is out says that id may have been deleted, the others as they ended, in the order given', async (concurrency, sent, lastDeleted) => {
    // Made with this tool, so recorded: the record shows when the command itself has taken a delete's answer, not only the server.
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const made = await h.run(['send', '--message', `Check ${i}`, '--execute-at', 'in 1 hour', '-q']);
        expect(made.code, made.stderr).toBe(0);
        return { id: made.stdout.trim() };
      }),
    );
    const recordedDeleted = async (id: string) => (await openState(h.env, h.env.HOME!).read()).intents.find((intent) => intent.schedule_id === id)?.status === 'deleted';
    h.letta.inject(new RegExp(`^DELETE .*/${b!.id}$`), { hang: true });
    const controller = new AbortController();
    const running = h.run(['onetime', 'delete', a!.id, b!.id, c!.id, '--json', '--concurrency', concurrency], { signal: controller.signal });
    while (!(await recordedDeleted(a!.id)) || h.letta.requests('DELETE').length < sent || (lastDeleted && !(await recordedDeleted(c!.id)))) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const r = await running;
    expect(r.code).toBe(130);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: a!.id, agent_id: AGENT, deleted: true },
      { id: b!.id, deleted: false, error: 'interrupted while deleting: may have been deleted', may_have_been_deleted: true },
      lastDeleted ? { id: c!.id, agent_id: AGENT, deleted: true } : { id: c!.id, deleted: false, error: 'not tried' },
    ]);
    expect(r.stderr).toContain(`May have been deleted (interrupted while deleting): ${b!.id}`);
    expect(r.stderr).toContain(lastDeleted ? `Deleted 2 of 3: ${a!.id}, ${c!.id}.` : `Not deleted: ${c!.id}.`);
  });

  it('a schedule of the other kind names the right command', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' });
    const r = await h.run(['onetime', 'delete', item.id]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`letta-switchboard recurring delete ${item.id}`);
    expect(h.letta.requests('DELETE')).toEqual([]);
  });

  it('more than 5 on a terminal asks first; --yes skips; a pipe never asks', async () => {
    const ids = () => Array.from({ length: 6 }, () => h.letta.addSchedule(AGENT, inAnHour()).id);
    const asked = ids();
    const refused = await h.run(['onetime', 'delete', ...asked], { terminal: 80, stdin: 'n\r' });
    expect(refused.stderr).toContain('These 6 one-time schedules would be deleted:');
    // Each is listed (by its short id, as lists show it) with its agent, next run (and how far away it is) and message before the question.
    for (const id of asked) expect(refused.stderr).toMatch(new RegExp(`^  ${id.replace(/^[a-z_]+-/, '')}\\s+support-bot\\s+2026-11-22 16:00 UTC\\s+in 1 h\\s+hello`, 'm'));
    expect(refused.stderr).toContain('Delete them? [y/N]');
    expect(refused.stderr).toContain('Nothing deleted.');
    expect(refused.code).toBe(0);
    expect(h.letta.requests('DELETE')).toEqual([]);
    const yes = await h.run(['onetime', 'delete', ...ids(), '--yes'], { terminal: 80 });
    expect(yes.code).toBe(0);
    expect(yes.stderr).not.toContain('[y/N]');
    const piped = await h.run(['onetime', 'delete', '-'], { stdin: ids().join('\n') });
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('[y/N]');
    expect(h.letta.schedules.size).toBe(6);
  });
});

describe('ids from stdin', () => {
  it("a file of ids kept by hand: '#' comments, blank lines and a stray '-' are passed over", async () => {
    const [a, b] = [0, 1].map(() => h.letta.addSchedule(AGENT, inAnHour()).id);
    const r = await h.run(['onetime', 'delete', '-', '-q'], { stdin: `# old reminders\n${a}  # the first\n\n-\n${b}\n` });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${a}\n${b}\n`, '']);
    expect(h.letta.schedules.size).toBe(0);
  });

  it("a command of one id given '-' says which commands read ids from stdin, asking Letta nothing", async () => {
    for (const args of [
      ['onetime', 'get', '-'],
      ['history', '-'],
      ['run', '-'],
      ['recurring', 'edit', '-', '--message', 'x'],
    ]) {
      const r = await h.run(args, { stdin: 'sm-000001\n' });
      expect([r.code, r.stderr.split('\n')[0]], args.join(' ')).toEqual([2, "Error: '-' (ids from stdin) is taken by delete, pause and resume only"]);
    }
    expect(h.letta.received).toEqual([]);
  });
});

describe('list --all-agents', () => {
  it.each([
    [[], 8],
    [['--concurrency', '2'], 2],
  ])('%j asks at most %i agents at a time, in the same order', async (flags, most) => {
    h.letta.agents = Array.from({ length: 20 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`, name: `bot-${i}` }));
    for (const agent of h.letta.agents) h.letta.addSchedule(agent.id, { type: 'recurring', cron_expression: '0 9 * * *' }, agent.name);
    h.letta.latencyMs = 20;
    const r = await h.run(['recurring', 'list', '--all-agents', ...flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').at(-1)),
    ).toEqual(h.letta.agents.map((agent) => agent.name));
    expect(h.letta.maxInFlight).toBe(most);
  });

  it.each([[['recurring', 'list', '--all-agents']], [['agenda', '--all-agents']], [['status', '--all-agents']]])('%j: an agent whose list fails is named in the error', async (args) => {
    h.letta.agents = Array.from({ length: 3 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`, name: `bot-${i}` }));
    const broken = h.letta.agents[1]!.id;
    h.letta.inject(new RegExp(`^GET /v1/agents/${broken}/schedule$`), ...Array.from({ length: 3 }, () => ({ status: 500, body: '{"detail":"boom"}' })));
    const r = await h.run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Agent ${broken}: Letta answered 500`);
  });
});

describe('delete of many ids', () => {
  const many = (n: number) => Array.from({ length: n }, () => h.letta.addSchedule(AGENT, inAnHour()).id);

  it('--concurrency 1 deletes one id at a time, each read before it is deleted', async () => {
    const ids = many(4);
    h.letta.latencyMs = 10;
    const r = await h.run(['onetime', 'delete', ...ids, '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(h.letta.maxInFlight).toBe(1);
    expect(h.letta.received.map((request) => request.method)).toEqual(ids.flatMap(() => ['GET', 'DELETE']));
  });

  it.each([
    [[], 8],
    [['--concurrency', '3'], 3],
  ])('%j deletes with at most %i requests in flight, each id read before it is deleted', async (flags, most) => {
    const ids = many(24);
    h.letta.latencyMs = 40;
    const r = await h.run(['onetime', 'delete', ...ids, ...flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(most);
    expect(h.letta.schedules.size).toBe(0);
    expect(r.stderr).toBe(ids.map((id) => `✓ Deleted one-time schedule ${id}\n`).join(''));
    for (const id of ids) {
      const at = (method: string) => h.letta.received.findIndex((request) => request.method === method && request.path.endsWith(`/schedule/${id}`));
      expect(at('GET')).toBeGreaterThanOrEqual(0);
      expect(at('DELETE')).toBeGreaterThan(at('GET'));
    }
  });

  it.each([[[]], [['-q']], [['--json']]])('%j: ids that end out of order are said in the order given', async (flags) => {
    const ids = many(10);
    h.letta.latencyMs = 10;
    // The first id's lookup is answered last (asked again after a 503), so the others end before it.
    h.letta.inject(new RegExp(`^GET .*/schedule/${ids[0]}$`), { status: 503, headers: { 'retry-after-ms': '300' } });
    const r = await h.run(['onetime', 'delete', ...ids, ...flags]);
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.requests('DELETE').at(-1)!.path).toMatch(new RegExp(`/${ids[0]}$`));
    if (flags[0] === '--json') expect(JSON.parse(r.stdout)).toEqual(ids.map((id) => ({ id, agent_id: AGENT, deleted: true })));
    else if (flags[0] === '-q') expect(r.stdout).toBe(ids.map((id) => `${id}\n`).join(''));
    else expect(r.stderr).toBe(ids.map((id) => `✓ Deleted one-time schedule ${id}\n`).join(''));
  });

  it('several ids with a latency: a failure in the middle is said in its place, the others are deleted (exit 1)', async () => {
    const ids = many(12);
    h.letta.latencyMs = 10;
    h.letta.inject(new RegExp(`^DELETE .*/schedule/${ids[5]}$`), { status: 400, body: '{"detail":"boom"}' });
    const r = await h.run(['onetime', 'delete', ...ids, '--json']);
    expect(r.code).toBe(1);
    const outcomes = JSON.parse(r.stdout) as Array<{ id: string; deleted: boolean }>;
    expect(outcomes.map((o) => [o.id, o.deleted])).toEqual(ids.map((id, i) => [id, i !== 5]));
    expect([...h.letta.schedules.keys()]).toEqual([ids[5]]);
  });

  // With 4 at once, the four started together end as they end (the refused one among them); with 1, the ids after it are never tried.
  it.each([
    ['4', [0, 1, 3], 4],
    ['1', [0, 1], 3],
  ])('--concurrency %s: a refused key stops the ids not yet started; each id is reported as it ended, matching the server', async (concurrency, deleted, started) => {
    const ids = many(20);
    h.letta.latencyMs = 25;
    h.letta.inject(new RegExp(`^GET .*/schedule/${ids[2]}$`), { status: 401, body: '{"detail":"Invalid API key"}' });
    const r = await h.run(['onetime', 'delete', ...ids, '--json', '--concurrency', concurrency]);
    expect(r.code).toBe(4);
    const outcomes = JSON.parse(r.stdout) as Array<{ id: string; deleted: boolean; error?: string }>;
    expect(outcomes.map((o) => o.id)).toEqual(ids);
    for (const outcome of outcomes) expect([outcome.id, outcome.deleted]).toEqual([outcome.id, !h.letta.schedules.has(outcome.id)]);
    expect(outcomes[2]).toMatchObject({ deleted: false, error: expect.stringContaining('401') });
    expect(outcomes.filter((o) => o.deleted).map((o) => o.id)).toEqual(deleted.map((i) => ids[i]));
    expect(outcomes.slice(started).every((o) => o.error === 'not tried')).toBe(true);
    expect(h.letta.requests('GET').length).toBe(started);
  });

  it('a --concurrency that is no whole number from 1 to 64 is a usage error', async () => {
    for (const value of ['0', '65', 'two', '1.5']) {
      const r = await h.run(['agenda', '--all-agents', '--concurrency', value]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(`--concurrency '${value}' must be a whole number from 1 to 64`)]);
    }
    expect(h.letta.received).toEqual([]);
  });
});

describe('create', () => {
  it('confirms with the weekday, the agent name and id, and one UTC', async () => {
    const r = await h.run(['onetime', 'create', '--agent-id', 'support-bot', '--message', 'hi', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Agent    support-bot (${AGENT})`);
    expect(r.stderr).toContain('Runs at  Mon 2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z)');
  });

  it('on a terminal, times also say how far away they are; in a pipe they do not', async () => {
    const args = ['onetime', 'create', '--message', 'hi', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York', '--no-color'];
    const tty = await h.run(args, { terminal: 100 });
    expect(tty.stderr).toContain('Runs at  Mon 2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z, in 23 hours)');
    const id = tty.stdout.match(/ID\s+(\S+)/)![1]!;
    const got = await h.run(['onetime', 'get', id, '--tz', 'America/New_York', '--no-color'], { terminal: 100 });
    expect(got.stdout).toMatch(/Runs at\s+2026-11-23 09:00 EST \(2026-11-23T14:00:00.000Z, in 23 hours\)/);
    expect((await h.run(['onetime', 'get', id])).stdout).not.toContain('in 23 hours');
  });

  it('a raw cron with --tz notes that raw crons are UTC', async () => {
    const r = await h.run(['recurring', 'create', '--message', 'hi', '--cron', '0 9 * * *', '--tz', 'Europe/Paris']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/5-field cron is read as UTC; --tz Europe\/Paris does not apply/);
    expect(r.stderr).not.toMatch(/UTC.*UTC\)/);
  });

  it('a raw cron with --tz and an end (--count, --until: a series) warns that raw crons are UTC too, and its instants are UTC', async () => {
    for (const [cron, zone, end, first] of [
      ['0 9 * * *', 'Europe/Paris', ['--count', '3'], '2026-11-23T09:00:00.000Z'],
      ['30 14 * * 1-5', 'Asia/Kolkata', ['--until', 'nov 26'], '2026-11-23T14:30:00.000Z'],
      ['0 */6 * * *', 'America/New_York', ['--count', '2'], '2026-11-22T18:00:00.000Z'],
    ] as const) {
      const r = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', cron, '--tz', zone, ...end]);
      expect({ cron, code: r.code }).toEqual({ cron, code: 0 });
      expect(r.stderr).toContain(`A 5-field cron is read as UTC; --tz ${zone} does not apply to it.`);
      expect(r.requests.find((q) => q.method === 'POST')?.body).toMatchObject({ schedule: { type: 'one-time', scheduled_at: Date.parse(first) } });
    }
    // A phrase with an end follows the zone, and says nothing of UTC.
    const phrase = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '--count', '2']);
    expect(phrase.stderr).not.toContain('5-field');
  });

  it('a raw cron with --tz says in --json that it is UTC, its next runs shown on the given clock; the receipt keeps that clock', async () => {
    for (const [zone, local] of [
      ['Europe/Paris', '2026-11-23 10:00 CET'],
      ['America/New_York', '2026-11-23 04:00 EST'],
    ]) {
      const made = await h.run(['recurring', 'create', '--message', 'hi', '--cron', '0 9 * * *', '--tz', zone!, '--json']);
      expect(made.code, made.stderr).toBe(0);
      const document = JSON.parse(made.stdout);
      expect(document).toMatchObject({ cron_expression: '0 9 * * *', timezone: 'UTC', local_cron: null });
      expect(document.next_runs_local[0]).toBe(local);
      const parsed = await h.run(['parse', '0 9 * * *', '--recurring', '--tz', zone!, '--json']);
      expect(JSON.parse(parsed.stdout)).toMatchObject({ timezone: 'UTC', next_runs_local: document.next_runs_local });
      expect(parsed.stderr).toBe(`Warning: A 5-field cron is read as UTC; --tz ${zone} does not apply to it.\n`);
      const text = await h.run(['recurring', 'create', '--message', 'hi', '--cron', '0 9 * * *', '--tz', zone!]);
      expect(text.stderr).toMatch(new RegExp(`Next +\\w+ [-\\d]+ [:\\d]+ ${local!.slice(-3)} \\(`));
    }
    const phrase = await h.run(['recurring', 'create', '--message', 'hi', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '--json']);
    expect(JSON.parse(phrase.stdout)).toMatchObject({ timezone: 'Europe/Paris', local_cron: '0 9 * * *' });
  });

  it('a phrase in UTC names UTC once; in another zone it shows the local cron beside it', async () => {
    const utc = await h.run(['recurring', 'create', '--message', 'hi', '--cron', 'every weekday at 9am', '--tz', 'UTC']);
    expect(utc.code).toBe(0);
    expect(utc.stderr).toContain('Cron     0 9 * * 1-5 (UTC)\n');
    const tokyo = await h.run(['recurring', 'create', '--message', 'hi', '--cron', 'every weekday at 9am', '--tz', 'Asia/Tokyo']);
    expect(tokyo.stderr).toContain('Cron     0 0 * * 1-5 (UTC; 0 9 * * 1-5 in Asia/Tokyo)\n');
  });

  it("a --now before the clock that puts the time in Letta's past is bad input (exit 2), said with why", async () => {
    const r = await h.run(['onetime', 'create', '--message', 'hi', '--execute-at', 'in 2 hours', '--now', '2026-01-01T00:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Error: 2026-01-01T02:00:00.000Z is already past on this machine's clock: ");
    expect(r.stderr).toContain('must be in the future');
    expect(r.stderr).toContain('--now 2026-01-01T00:00:00Z put it there');
    expect(h.letta.schedules.size).toBe(0);
  });

  it('interrupted while the request is out: may have been created, and how to check', async () => {
    h.letta.inject(/^POST .*\/schedule$/, { hang: true });
    const controller = new AbortController();
    const running = h.run(['onetime', 'create', '--message', 'hi', '--execute-at', 'in 2 hours'], { signal: controller.signal });
    while (h.letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: Interrupted\nThe schedule may have been created. Check with 'letta-switchboard onetime list --agent-id ${AGENT}' before trying again.\n`);
  });
});

describe('recurring schedules in the user zone', () => {
  it('get shows the cron and its meaning on the local clock beside UTC', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 15 * * 1-5' }, 'standup');
    const r = await h.run(['recurring', 'get', item.id, '--tz', 'America/New_York']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cron\s+0 15 \* \* 1-5 \(UTC\)/);
    expect(r.stdout).toMatch(/Local cron\s+0 10 \* \* 1-5 \(America\/New_York\)/);
    expect(r.stdout).toMatch(/Local\s+At 10:00 AM, Monday through Friday \(America\/New_York\)/);
  });

  it('get and list give the local cron at --now, not at the real clock', async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 15 * * 1-5' }, 'standup');
    const summer = ['--now', '2027-07-01T12:00:00Z', '--tz', 'America/New_York'];
    expect((await h.run(['recurring', 'get', item.id, ...summer])).stdout).toMatch(/Local cron\s+0 11 \* \* 1-5 \(America\/New_York\)/);
    expect((await h.run(['recurring', 'list', ...summer])).stdout.split('\t').slice(2, 4)).toEqual(['0 15 * * 1-5', '0 11 * * 1-5']);
  });

  it("get and list give the next run after --now when Letta's, counted from its own clock, is before it; --json keeps Letta's", async () => {
    const item = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 15 * * 1-5' }, 'standup');
    const lettas = item.next_scheduled_time;
    const summer = ['--now', '2027-07-03T12:00:00Z', '--tz', 'America/New_York'];
    expect((await h.run(['recurring', 'list', ...summer])).stdout.split('\t').slice(4, 6)).toEqual(['2027-07-05 11:00 EDT', '2027-07-05T15:00:00.000Z']);
    expect((await h.run(['recurring', 'get', item.id, ...summer])).stdout).toMatch(/Next run\s+2027-07-05 11:00 EDT \(2027-07-05T15:00:00\.000Z\)/);
    expect(JSON.parse((await h.run(['recurring', 'list', '--json', ...summer])).stdout)[0].next_scheduled_time).toBe(lettas);
    // A --now before Letta's next run leaves it as Letta says.
    expect((await h.run(['recurring', 'list'])).stdout.split('\t')[5]).toBe(new Date(Date.parse(lettas!)).toISOString());
  });

  it('a day that changes moves the weekdays; list shows the local cron beside the UTC one', async () => {
    h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 2 * * 2-6' }, 'evening');
    const r = await h.run(['recurring', 'list', '--tz', 'America/New_York']);
    expect(r.stdout.split('\t').slice(2, 4)).toEqual(['0 2 * * 2-6', '0 21 * * 1-5']);
    const kolkata = await h.run(['recurring', 'list', '--tz', 'Asia/Kolkata']);
    expect(kolkata.stdout.split('\t')[3]).toBe('30 7 * * 2-6');
  });
});

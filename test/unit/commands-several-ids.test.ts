import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/store';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/**
 * delete, pause and resume of several ids, up to --concurrency at once: what a
 * user notices is the same as one at a time (output in the order given, the
 * record, exit codes), only sooner; ids of one schedule or set never race.
 */
const h = useHarness({ defaultAgent: true });
const record = () => openState(h.env, h.env.HOME!).read();

/** `count` schedules made with this tool (so recorded), each its own message. */
async function recorded(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await h.run(['recurring', 'create', '--message', `Standup ${i}`, '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '-q']);
    expect(r.code, r.stderr).toBe(0);
    ids.push(r.stdout.trim());
  }
  return ids;
}

const text = (id: string) => JSON.stringify(h.letta.schedules.get(id)?.message);

describe('pause and resume of several ids', () => {
  it.each([
    [[], 8],
    [['--concurrency', '3'], 3],
  ])('%j: at most %i requests in flight; said in the order given; the record holds each once', async (flags, most) => {
    const ids = await recorded(16);
    const messages = new Map(ids.map((id) => [id, text(id)]));
    h.letta.latencyMs = 40;
    h.letta.maxInFlight = 0;
    const paused = await h.run(['recurring', 'pause', ...ids, ...flags]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(most);
    expect(h.letta.schedules.size).toBe(0);
    expect(paused.stderr.split('\n').filter((line) => line.startsWith('✓'))).toEqual(ids.map((id) => `✓ Paused ${id} (0 14 * * 1-5 UTC)`));
    const saved = await record();
    expect(saved.paused.map((p) => p.old_id)).toEqual(ids);
    expect(saved.intents.filter((i) => i.status === 'paused').map((i) => i.schedule_id)).toEqual(ids);

    h.letta.maxInFlight = 0;
    const resumed = await h.run(['recurring', 'resume', ...ids, '--json', ...flags]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(most);
    const outcomes = JSON.parse(resumed.stdout) as Array<{ id: string; new_id: string; created: boolean }>;
    expect(outcomes.map((o) => [o.id, o.created])).toEqual(ids.map((id) => [id, true]));
    // Each new schedule is the one its id had, in the order given.
    for (const outcome of outcomes) expect(text(outcome.new_id)).toBe(messages.get(outcome.id));
    expect(h.letta.schedules.size).toBe(16);
    const after = await record();
    expect(after.paused).toEqual([]);
    expect(
      after.intents
        .filter((i) => i.status === 'active')
        .map((i) => i.schedule_id)
        .sort(),
    ).toEqual([...h.letta.schedules.keys()].sort());
  });

  it('a set and one of its members given together: each schedule is paused once, as one at a time does', async () => {
    for (const concurrency of ['1', '8']) {
      const made = await h.run(['recurring', 'create', '--message', `Stretch ${concurrency}`, '--cron', 'every 90 minutes', '--tz', 'UTC', '--json']);
      const { set_id: setId, schedules } = JSON.parse(made.stdout) as { set_id: string; schedules: Array<{ id: string }> };
      const [first, second] = schedules.map((s) => s.id) as [string, string];
      h.letta.received.length = 0;
      const r = await h.run(['recurring', 'pause', setId, first, '--json', '--concurrency', concurrency]);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as Array<{ id: string; paused: boolean }>).map((o) => [o.id, o.paused])).toEqual([
        [first, true],
        [second, true],
        [first, true],
      ]);
      expect(h.letta.requests('DELETE').map((request) => request.path.split('/').pop())).toEqual([first, second]);
      expect((await record()).paused.filter((p) => p.old_id === first || p.old_id === second)).toHaveLength(2);
    }
  });
});

describe('resume of look-alikes', () => {
  it('two paused schedules that look alike, both resumes cut off after their creates landed: each takes its own copy, none is made again', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await h.run(['recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '-q']);
      ids.push(r.stdout.trim());
    }
    expect((await h.run(['recurring', 'pause', ...ids])).code).toBe(0);
    h.letta.received.length = 0;
    for (const id of ids) {
      h.letta.inject(/^POST /, { hang: true, land: true });
      const controller = new AbortController();
      const cut = h.run(['recurring', 'resume', id], { signal: controller.signal });
      while (h.letta.requests('POST').length < ids.indexOf(id) + 1) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      expect((await cut).code).toBe(130);
    }
    const landed = [...h.letta.schedules.keys()];
    expect(landed).toHaveLength(2);

    const r = await h.run(['recurring', 'resume', ...ids, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const outcomes = JSON.parse(r.stdout) as Array<{ id: string; new_id: string; created: boolean }>;
    expect(outcomes.map((o) => [o.id, o.created])).toEqual(ids.map((id) => [id, false]));
    expect(outcomes.map((o) => o.new_id).sort()).toEqual([...landed].sort());
    expect(h.letta.requests('POST')).toHaveLength(2);
    const state = await record();
    expect(state.paused).toEqual([]);
    expect(
      state.intents
        .filter((i) => i.status === 'active')
        .map((i) => i.schedule_id)
        .sort(),
    ).toEqual([...landed].sort());
  });
});

describe('delete of several ids', () => {
  it('a schedule and the one that replaced it, given together: one delete, the same outcome as one at a time', async () => {
    const results = [];
    for (const concurrency of ['1', '8']) {
      const [old] = await recorded(1);
      const edited = await h.run(['recurring', 'edit', old!, '--message', 'Moved', '-q']);
      expect(edited.code, edited.stderr).toBe(0);
      const successor = edited.stdout.trim();
      h.letta.received.length = 0;
      const r = await h.run(['recurring', 'delete', old!, successor, '--json', '--concurrency', concurrency]);
      expect(h.letta.requests('DELETE').map((request) => request.path.split('/').pop())).toEqual([successor]);
      results.push({ code: r.code, outcomes: (JSON.parse(r.stdout) as Array<{ id: string; deleted: boolean }>).map((o) => [o.id === successor ? 'successor' : o.id, o.deleted]) });
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('a recorded id deleted with others is marked deleted in the record, once each', async () => {
    const ids = await recorded(12);
    h.letta.latencyMs = 10;
    const r = await h.run(['recurring', 'delete', ...ids, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(ids.map((id) => `${id}\n`).join(''));
    const state = await record();
    expect(state.intents.filter((i) => i.status === 'deleted').map((i) => i.schedule_id)).toEqual(ids);
    expect(h.letta.requests('DELETE')).toHaveLength(12);
  });

  it('with no agent given, the lookups among every agent and the deletes share --concurrency: never more in flight', async () => {
    const agents = Array.from({ length: 10 }, (_, i) => ({ id: `agent-many-${i}`, name: `many-${i}` }));
    h.letta.agents = [...h.letta.agents, ...agents];
    const ids = Array.from({ length: 12 }, (_, i) => h.letta.addSchedule(agents[i % 10]!.id, { type: 'recurring', cron_expression: '0 9 * * *' }).id);
    h.letta.latencyMs = 40;
    h.letta.maxInFlight = 0;
    const r = await h.run(['recurring', 'delete', ...ids, '--concurrency', '4', '-q'], { env: { LETTA_AGENT_ID: undefined } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(ids.map((id) => `${id}\n`).join(''));
    expect(h.letta.maxInFlight).toBe(4);
    expect(h.letta.schedules.size).toBe(0);
  });

  it('a default agent (LETTA_AGENT_ID) that lacks an id: it is looked for among every agent, as listed with --all-agents; the flag stays strict', async () => {
    const other = h.letta.agents.find((agent) => agent.id !== AGENT)!.id;
    const ids = [0, 1].map(() => h.letta.addSchedule(other, { type: 'recurring', cron_expression: '0 9 * * *' }).id);
    const listed = await h.run(['recurring', 'list', '--all-agents', '-q']);
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toBe(ids.map((id) => `${id}\n`).join(''));
    const got = await h.run(['recurring', 'get', ids[0]!, '--json']);
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ id: ids[0], agent_id: other });
    const strict = await h.run(['recurring', 'get', ids[0]!, '--agent-id', AGENT]);
    expect(strict.code).toBe(3);
    const nowhere = await h.run(['recurring', 'get', 'sm-999999']);
    expect(nowhere.code).toBe(3);
    expect(nowhere.stderr).toContain(`No schedule 'sm-999999' for agent ${AGENT} (the default agent, from LETTA_AGENT_ID) nor any other of your agents`);
    const deleted = await h.run(['recurring', 'delete', '-', '-q'], { stdin: listed.stdout });
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toBe(listed.stdout);
    expect(h.letta.schedules.size).toBe(0);
  });

  it('series given with schedules looked up among every agent: pause, resume and delete never have more than --concurrency in flight', async () => {
    const agents = Array.from({ length: 6 }, (_, i) => ({ id: `agent-wide-${i}`, name: `wide-${i}` }));
    h.letta.agents = [...h.letta.agents, ...agents];
    const series: string[] = [];
    for (const count of ['4', '5']) {
      const made = await h.run(['recurring', 'create', '--message', `Water ${count}`, '--cron', 'every day at 9am', '--count', count, '--tz', 'America/New_York', '-q']);
      expect(made.code, made.stderr).toBe(0);
      series.push(made.stdout.trim());
    }
    const ids = Array.from({ length: 6 }, (_, i) => h.letta.addSchedule(agents[i]!.id, { type: 'recurring', cron_expression: `${i} 9 * * *` }).id);
    let asked = [series[0]!, ...ids.slice(0, 3), series[1]!, ...ids.slice(3)];
    h.letta.latencyMs = 30;
    for (const verb of ['pause', 'resume', 'delete']) {
      h.letta.maxInFlight = 0;
      const r = await h.run(['recurring', verb, ...asked, '--concurrency', '2', '-q'], { env: { LETTA_AGENT_ID: undefined } });
      expect(r.code, `${verb}: ${r.stderr}`).toBe(0);
      expect(h.letta.maxInFlight, verb).toBe(2);
      // A resumed schedule has a new id (a series keeps its own).
      if (verb === 'resume') asked = r.stdout.trim().split('\n');
    }
    expect(asked.filter((id) => id.startsWith('series-'))).toEqual(series);
    expect(h.letta.schedules.size).toBe(0);
  });

  it('on a terminal, the schedules listed before asking are read --concurrency at a time, in the order given; no deletes nothing', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: `${i} 9 * * *` }, `Check ${i}`).id);
    h.letta.latencyMs = 40;
    h.letta.maxInFlight = 0;
    const r = await h.run(['recurring', 'delete', ...ids, '--concurrency', '3', '--no-color'], { terminal: 200, stdin: 'n\r' });
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(3);
    const listed = r.stderr.split('\n').filter((line) => /Check \d+/.test(line));
    expect(listed.map((line) => /Check (\d+)/.exec(line)![1])).toEqual(ids.map((_, i) => String(i)));
    expect(r.stderr).toContain('Nothing deleted.');
    expect(h.letta.requests('DELETE')).toEqual([]);
  });

  it('--dry-run prints each delete in the order given', async () => {
    const ids = Array.from({ length: 6 }, () => h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }).id);
    const r = await h.run(['recurring', 'delete', ...ids, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((line) => line.startsWith('DELETE'))).toEqual(ids.map((id) => `DELETE ${h.letta.url}/v1/agents/${AGENT}/schedule/${id}`));
    expect(h.letta.requests('DELETE')).toEqual([]);
  });
});

describe('--dry-run of delete, pause and resume', () => {
  const added = (n: number, type: 'recurring' | 'one-time' = 'recurring') =>
    Array.from(
      { length: n },
      (_, i) => h.letta.addSchedule(AGENT, type === 'recurring' ? { type, cron_expression: `${i} 9 * * *` } : { type, scheduled_at: Date.parse('2026-12-01T09:00:00Z') + i * 60_000 }).id,
    );

  it.each([
    ['onetime', 'delete', 'one-time', (id: string) => `Would delete one-time schedule ${id}`],
    ['recurring', 'delete', 'recurring', (id: string) => `Would delete recurring schedule ${id}`],
    ['recurring', 'pause', 'recurring', (id: string) => `Would pause ${id} (${h.letta.schedules.get(id)!.schedule.cron_expression} UTC)`],
  ] as const)('%s %s says on stderr, an id a line, what it would do; stdout holds the requests only', async (noun, verb, type, line) => {
    const ids = added(2, type);
    const r = await h.run([noun, verb, ...ids, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(ids.map((id) => `${line(id)}\n`).join(''));
    expect(r.stdout.split('\n').filter((l) => /^[A-Z]+ /.test(l))).toEqual(ids.map((id) => `DELETE ${h.letta.url}/v1/agents/${AGENT}/schedule/${id}`));
    expect(r.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('recurring resume says what it would resume, with the cron it would send', async () => {
    const ids = added(2);
    expect((await h.run(['recurring', 'pause', ...ids])).code).toBe(0);
    const r = await h.run(['recurring', 'resume', ...ids, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Would resume ${ids[0]} (0 9 * * * UTC)\nWould resume ${ids[1]} (1 9 * * * UTC)\n`);
    expect(r.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('with an id that fails, the count says what would have been done, not what was', async () => {
    const [id] = added(1);
    const r = await h.run(['recurring', 'delete', id!, 'sm-nope', '--dry-run']);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').slice(-3)).toEqual([`Would delete 1 of 2: ${id}.`, 'Not deleted: sm-nope.', '']);
    expect(r.stderr).not.toMatch(/^Deleted/m);
  });

  it('-q and --json say nothing on stderr, as the real commands do', async () => {
    for (const flag of ['-q', '--json']) {
      const r = await h.run(['recurring', 'pause', ...added(1), '--dry-run', flag]);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
  });
});

describe('--concurrency', () => {
  it.each([
    ['onetime', 'delete'],
    ['recurring', 'delete'],
    ['recurring', 'pause'],
    ['recurring', 'resume'],
  ])('%s %s refuses a value that is no whole number from 1 to 64 (exit 2), sending nothing', async (noun, verb) => {
    for (const value of ['0', '65', 'abc']) {
      const r = await h.run([noun, verb, 'sm-000001', 'sm-000002', '--concurrency', value]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(`--concurrency '${value}' must be a whole number from 1 to 64`)]);
    }
    expect(h.letta.received).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { displayWidth } from '../../src/output/text';
import { AGENT, NOW } from '../helpers/suite';

const h = useHarness();
const TWIN = 'agent-22222222-2222-2222-2222-222222222222';
const NY = ['--tz', 'America/New_York', '--no-color'];
const WIDTHS = [60, 80, 100, 120, 200];

/** Ids as Letta makes them ("scheduled_message-" and a UUID, 54 characters), so the table has the real widths to fit. */
function letta(seed: number, start = ''): string {
  const hex = (start + (seed * 2654435761).toString(16).padStart(8, '0') + 'abcdef0123456789'.repeat(3)).slice(0, 32);
  return `scheduled_message-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function add(agent: string, schedule: { type: string; scheduled_at?: number; cron_expression?: string }, text: string, id: string) {
  const item = h.letta.addSchedule(agent, schedule, text);
  h.letta.schedules.delete(item.id);
  item.id = id;
  h.letta.schedules.set(id, item);
  return item;
}

function seed() {
  const hour = 3_600_000;
  const at = (hours: number) => ({ type: 'one-time', scheduled_at: Date.parse(NOW) + hours * hour });
  const recurring = (cron: string) => ({ type: 'recurring', cron_expression: cron });
  return {
    onetime: [
      add(AGENT, at(50), 'Check the queue and tell me what is stuck, with links to each ticket', letta(1)),
      add(TWIN, at(2), 'Reminder', letta(2)),
      add(AGENT, at(26), 'Écrire le rapport 日本語のメッセージ and more words after it', letta(3)),
    ],
    recurring: [
      add(AGENT, recurring('0 14 * * 1-5'), 'Standup: what did you do yesterday, what will you do today, what blocks you', letta(4)),
      add(TWIN, recurring('*/15 * * * *'), 'Ping', letta(5)),
      add(AGENT, recurring('30 1 * * 0'), 'Weekly summary', letta(6)),
    ],
  };
}

function table(stdout: string): { header: string[]; rows: string[] } {
  const [head = '', ...rows] = stdout.trimEnd().split('\n');
  return { header: head.split(/\s{2,}/), rows };
}

describe('tables on a terminal', () => {
  for (const [noun, local] of [
    ['onetime', 'RUNS AT'],
    ['recurring', 'NEXT RUN'],
  ] as const) {
    it.each(WIDTHS)(`${noun} list fits %i columns without a wrapped line, keeping local time and message`, async (width) => {
      seed();
      const r = await h.run([noun, 'list', '--all-agents', ...NY], { terminal: width });
      expect(r.code).toBe(0);
      const { header, rows } = table(r.stdout);
      expect(rows).toHaveLength(3);
      for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThan(width);
      expect(header).toContain(local);
      expect(header).toContain('MESSAGE');
      if (noun === 'recurring') expect(header).toContain('CRON');
      // Given up in this order: UTC, then how far away the next run is, then the agent, then the id.
      const has = (name: string) => header.includes(name);
      if (!has('WHEN')) expect(has('UTC') || has('CRON (UTC)')).toBe(false);
      if (!has('AGENT')) expect(has('WHEN')).toBe(false);
      if (!has('ID')) expect(has('AGENT')).toBe(false);
      if (has('WHEN')) for (const row of rows) expect(row).toMatch(/ in \d+ (days?|h|min) /);
      // The message keeps a readable part.
      for (const row of rows) expect(row).toMatch(/(Check the|Reminder|Écrire le|Standup: |Ping|Weekly su)/);
      if (width === 200) {
        expect(header).toEqual(expect.arrayContaining(['ID', 'AGENT', 'WHEN', 'UTC']));
        expect(rows.join('\n')).not.toContain('…');
      }
      if (width >= 100) expect(header).toContain('ID');
    });
  }

  it.each(WIDTHS)('agenda fits %i columns, keeping the local time, the message and the notes', async (width) => {
    seed();
    const r = await h.run(['agenda', '--days', '1', ...NY], { terminal: width });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThan(width);
    expect(lines[0]).toMatch(/^TIME\s+.*MESSAGE/);
    // How far away a fire is goes after UTC, before the agent.
    const header = lines[0]!.split(/\s{2,}/);
    if (!header.includes('WHEN')) expect(header).not.toContain('UTC');
    if (!header.includes('AGENT')) expect(header).not.toContain('WHEN');
    if (width === 200) expect(header.slice(0, 2)).toEqual(['TIME', 'WHEN']);
    if (header.includes('WHEN')) for (const line of lines.filter((line) => /^\d\d:\d\d/.test(line))) expect(line).toMatch(/^\d\d:\d\d E[SD]T\s+(now|in \d+ (h|min))\s/);
    expect(lines.some((line) => /^\d\d:\d\d E[SD]T\s.*(Standup|Ping|Weekly)/.test(line))).toBe(true);
  });

  it('show agent names and short ids; --wide and a pipe show agent ids and full ids', async () => {
    const { onetime } = seed();
    const terminal = await h.run(['onetime', 'list', '--all-agents', ...NY], { terminal: 200 });
    expect(terminal.stdout).toContain('support-bot');
    expect(terminal.stdout).not.toContain(AGENT);
    for (const item of onetime) {
      expect(terminal.stdout).not.toContain(item.id);
      expect(terminal.stdout).toContain(item.id.slice('scheduled_message-'.length, 'scheduled_message-'.length + 7));
    }
    const wide = await h.run(['onetime', 'list', '--all-agents', '--wide', ...NY], { terminal: 80 });
    for (const item of onetime) expect(wide.stdout).toContain(item.id);
    expect(wide.stdout).toContain(AGENT);
    const pipe = await h.run(['onetime', 'list', '--all-agents', ...NY]);
    for (const item of onetime) expect(pipe.stdout).toContain(`${item.id}\t${item.agent_id}\t`);
  });

  it('say how far away each time is on a terminal only: never in a pipe or --json', async () => {
    const { recurring } = seed();
    expect((await h.run(['recurring', 'pause', recurring[2]!.id, '--now', '2026-11-20T15:00:00Z'])).code).toBe(0);
    h.letta.runs.push({ id: 'run-1', status: 'completed', agent_id: AGENT, created_at: '2026-11-22T12:00:00Z', stop_reason: 'end_turn' });
    const cases: Array<[string[], RegExp]> = [
      [['onetime', 'list', '--all-agents'], /\bin 2 h\b/],
      [['recurring', 'list', '--all-agents'], /\bin \d+ (h|min)\b/],
      [['results', 'list'], /\b3 h ago\b/],
      [['agenda', '--days', '1'], /\bin 2 h\b/],
      [['recurring', 'paused'], /\b2 days ago\b/],
    ];
    for (const [args, relative] of cases) {
      const terminal = await h.run([...args, ...NY], { terminal: 200 });
      expect(terminal.stdout, args.join(' ')).toMatch(relative);
      expect(terminal.stdout.split('\n')[0], args.join(' ')).toContain('WHEN');
      for (const mode of [[], ['--json']]) {
        const piped = await h.run([...args, ...NY, ...mode]);
        expect(piped.stdout, `${args.join(' ')} ${mode.join(' ')}`).not.toMatch(/\b(in \d+ (days?|h|min)|\d+ (days?|h|min) ago)\b|WHEN/);
      }
    }
  });

  it('are sorted by next run on a terminal', async () => {
    const { onetime } = seed();
    const r = await h.run(['onetime', 'list', '--all-agents', ...NY], { terminal: 200 });
    const order = table(r.stdout).rows.map((row) => onetime.findIndex((item) => row.includes(item.id.slice(18, 25))));
    expect(order).toEqual([1, 2, 0]);
  });
});

describe('fitting a table whose columns may not go', () => {
  it('keeps the message at 16 characters and cuts the widest other column instead', async () => {
    const { renderTable } = await import('../../src/output/table');
    const columns = [{ header: 'ID' }, { header: 'CRON' }, { header: 'MESSAGE', flexible: true }];
    const rule = `series: ${'every other monday and wednesday at 9am '.repeat(2).trim()}`;
    const lines = renderTable(columns, [['1a2b3c4', rule, 'Check the queue and the backlog before standup']], 80);
    for (const line of lines) expect(displayWidth(line)).toBeLessThan(80);
    expect(lines[1]).toContain('Check the queue…');
    expect(lines[1]).toContain('series: every other monday');
    expect(lines[1]).not.toContain(rule);
  });
});

describe('short ids', () => {
  it('every command that takes an id takes the short one a table shows back', async () => {
    const { onetime, recurring } = seed();
    const shown = (await h.run(['recurring', 'list', '--all-agents', ...NY], { terminal: 120 })).stdout;
    const short = table(shown).rows.map((row) => row.split(/\s+/)[0]!);
    expect(short.every((id) => id.length >= 7 && id.length < 20)).toBe(true);
    const target = recurring.find((item) => item.id.includes(short[0]!))!;
    const got = await h.run(['recurring', 'get', short[0]!, '--json']);
    expect(got.code).toBe(0);
    expect((JSON.parse(got.stdout) as { id: string }).id).toBe(target.id);
    const deleted = await h.run(['onetime', 'delete', onetime[1]!.id.slice(18, 26), '--json']);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual([{ id: onetime[1]!.id, agent_id: TWIN, deleted: true }]);
    expect(h.letta.schedules.has(onetime[1]!.id)).toBe(false);
  });

  it('a short id that starts several ids is refused, naming them; one that starts none is not found', async () => {
    const a = add(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'a', letta(7, 'abcd1234'));
    const b = add(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'b', letta(8, 'abcd1234'));
    const shown = (await h.run(['recurring', 'list', '--all-agents', ...NY], { terminal: 120 })).stdout;
    const shorts = table(shown).rows.map((row) => row.split(/\s+/)[0]!);
    expect(new Set(shorts).size).toBe(2);
    expect(shorts.every((s) => s.length > 8)).toBe(true);
    const both = await h.run(['recurring', 'get', 'abcd1234']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(a.id);
    expect(both.stderr).toContain(b.id);
    const none = await h.run(['recurring', 'get', 'fff0000']);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("No schedule id starts with 'fff0000'");
  });
});

if (process.env.SHOW_TABLES) {
  it('prints them', async () => {
    seed();
    for (const width of WIDTHS)
      for (const noun of ['onetime', 'recurring']) {
        const r = await h.run([noun, 'list', '--all-agents', ...NY], { terminal: width });
        console.log(`--- ${noun} ${width}\n${r.stdout}`);
      }
  });
}

describe('runs', () => {
  it('results list fits 80 columns with short run ids, and results get takes one back', async () => {
    const runs = [1, 2].map((n) => ({ id: `run-${n}b5c${n}d00-1111-4222-8333-44445555666${n}`, status: 'completed', agent_id: AGENT, created_at: NOW, stop_reason: 'end_turn' }));
    h.letta.runs.push(...runs);
    const r = await h.run(['results', 'list', ...NY], { terminal: 80 });
    expect(r.code).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThan(80);
    const short = table(r.stdout).rows.map((row) => row.split(/\s+/)[0]!);
    expect(short).toHaveLength(2);
    const got = await h.run(['results', 'get', short[1]!, '--json']);
    expect(got.code).toBe(0);
    expect(runs.map((run) => run.id)).toContain((JSON.parse(got.stdout) as { id: string }).id);
  });
});

describe('agent names', () => {
  it('resolve with one request, remembered across commands in the cache folder for this server', async () => {
    seed();
    const agentRequests = () => h.letta.received.filter((r) => r.method === 'GET' && r.query.name !== undefined).length;
    const before = agentRequests();
    expect((await h.run(['onetime', 'list', '--agent-id', 'support-bot'])).code).toBe(0);
    expect(agentRequests() - before).toBe(1);
    for (let i = 0; i < 3; i++) expect((await h.run(['recurring', 'list', '--agent-id', 'support-bot'])).code).toBe(0);
    expect(agentRequests() - before).toBe(1);
    // Another server (here the same one under another address) has its own names.
    expect((await h.run(['onetime', 'list', '--agent-id', 'support-bot'], { env: { LETTA_BASE_URL: `${h.letta.url}/` } })).code).toBe(0);
    expect(agentRequests() - before).toBe(2);
  });

  it('a command that changes schedules looks a remembered name up afresh: renamed since, the name is another agent', async () => {
    expect((await h.run(['recurring', 'list', '--agent-id', 'support-bot'])).code).toBe(0);
    const [first, second] = h.letta.agents;
    [first!.name, second!.name] = ['old-bot', 'support-bot'];
    const made = await h.run(['onetime', 'create', '--agent-id', 'support-bot', '--message', 'which agent', '--execute-at', 'in 7 hours']);
    expect(made.code).toBe(0);
    expect(h.letta.schedules.get(made.stdout.trim())!.agent_id).toBe(second!.id);
    expect(made.stderr).toContain(`support-bot (${second!.id})`);
    // Commands that only read schedules (their --dry-run holds back a file) still use the names remembered.
    const lookups = () => h.letta.received.filter((r) => r.method === 'GET' && r.query.name !== undefined).length;
    const before = lookups();
    for (const command of ['agenda', 'status', 'agenda']) await h.run([command, '--agent-id', 'support-bot']);
    expect(lookups()).toBe(before);
  });

  it('an ambiguous name is still refused (the second page is read to name every match)', async () => {
    const r = await h.run(['onetime', 'list', '--agent-id', 'twin']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('agent-22222222-2222-2222-2222-222222222222');
    expect(r.stderr).toContain('agent-33333333-3333-3333-3333-333333333333');
  });
});

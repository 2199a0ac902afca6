import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn, useHarness } from '../helpers/harness';

const BOT = 'agent-11111111-1111-1111-1111-111111111111';
const NOW = ['--now', '2027-03-10T12:00:00Z', '--tz', 'America/New_York'];

describe('recurring pause, resume and paused', () => {
  const suite = useHarness();
  const statePath = () => join(suite.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
  const state = () => JSON.parse(readFileSync(statePath(), 'utf8')) as { paused: Array<{ old_id: string; schedule: Record<string, unknown> }> };
  const cli = (...args: string[]) => runIn(suite.letta, [...args, ...NOW], suite.env);

  /** A schedule with every field Letta keeps. */
  function standup() {
    const item = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup');
    item.message = {
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: 'Standup, please' },
      ],
      max_steps: 4,
      callback_url: 'https://example.com/hook',
      include_return_message_types: ['assistant_message'],
    } as typeof item.message;
    return item;
  }
  const createBody = (item: ReturnType<typeof standup>) => ({ schedule: item.schedule, ...item.message });

  it('get of a paused schedule made from a phrase says the local time resume makes it again at', async () => {
    // Made before the March change (14:00 UTC is 09:00 EST), seen after it, when its UTC cron alone reads 10:00 EDT.
    const made = await runIn(suite.letta, ['recurring', 'create', '--agent-id', BOT, '--message', 'Standup', '--cron', 'every weekday at 9am', ...NOW, '-q'], suite.env);
    const id = made.stdout.trim();
    expect((await cli('recurring', 'pause', id)).code).toBe(0);
    const got = await runIn(suite.letta, ['recurring', 'get', id, '--now', '2027-03-20T12:00:00Z', '--tz', 'America/New_York'], suite.env);
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toMatch(/\nKept at\s+09:00 on weekdays, America\/New_York \(resume makes it again at that time\)\n/);
  });

  it('an edit of a paused schedule says it is paused and to resume it first; nothing is sent', async () => {
    const item = standup();
    expect((await cli('recurring', 'pause', item.id)).code).toBe(0);
    const sent = suite.letta.requests().length;
    const edit = await cli('recurring', 'edit', item.id, '--message', 'Be briefer.');
    expect(edit.code).toBe(2);
    expect(edit.stderr).toContain(`Error: ${item.id} is paused: Letta does not have it, its copy is saved on this machine`);
    expect(edit.stderr).toContain(`Resume it first (letta-switchboard recurring resume ${item.id}), then edit it.`);
    expect(
      suite.letta
        .requests()
        .slice(sent)
        .filter((r) => r.method !== 'GET'),
    ).toEqual([]);
  });

  it('saves the whole schedule before deleting it, lists it, shows it in the agenda, and resumes it once', async () => {
    const item = standup();
    const original = structuredClone(item);
    const paused = await cli('recurring', 'pause', item.id);
    expect(paused.code).toBe(0);
    expect(paused.stderr).toContain('exists only on this machine');
    expect(suite.letta.schedules.has(item.id)).toBe(false);
    expect(suite.letta.requests('DELETE').map((r) => r.path)).toEqual([`/v1/agents/${BOT}/schedule/${item.id}`]);
    expect(state().paused).toEqual([expect.objectContaining({ old_id: item.id, schedule: original, paused_at: '2027-03-10T12:00:00.000Z' })]);

    const list = await cli('recurring', 'paused', '--json');
    expect(list.code).toBe(0);
    const [record] = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(record).toMatchObject({ old_id: item.id, schedule: original, recreate: { method: 'POST', path: `/v1/agents/${BOT}/schedule`, body: createBody(original) } });
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${item.id}\n`);
    // A script reads the id resume takes, and the agent, under the names every other list uses.
    expect(record).toMatchObject({ id: item.id, agent_id: BOT });

    const agenda = await cli('agenda', '--days', '1');
    expect(agenda.stdout.split('\n')[0]!.split('\t')).toEqual(['Wed 2027-03-10 09:00 EST', '2027-03-10 14:00 UTC', 'support-bot', 'recurring', 'Be brief.', item.id, 'paused since 2027-03-10']);

    suite.letta.received.length = 0;
    const resumed = await cli('recurring', 'resume', item.id, '-q');
    expect(resumed.code).toBe(0);
    const posts = suite.letta.requests('POST');
    expect(posts.map((r) => r.body)).toEqual([createBody(original)]);
    const newId = resumed.stdout.trim();
    expect(suite.letta.requests('GET').map((r) => r.path)).toContain(`/v1/agents/${BOT}/schedule/${newId}`);
    expect(state().paused).toEqual([]);

    suite.letta.received.length = 0;
    const again = await cli('recurring', 'resume', item.id);
    expect(suite.letta.requests('POST')).toEqual([]);
    expect([...suite.letta.schedules.values()].filter((s) => s.agent_id === BOT)).toHaveLength(1);
    // Asked again (a batch run again after Ctrl-C), it says where the schedule went, as for one this tool made.
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${item.id} was already resumed, as ${newId}; nothing created.`);
  });

  it('a schedule replaced by an edit, never paused, is not "already resumed": none is paused, and it says what stands', async () => {
    const made = await cli('recurring', 'create', '--agent-id', BOT, '--message', 'Standup', '--cron', 'every weekday at 9am', '-q');
    const old = made.stdout.trim();
    const edited = await cli('recurring', 'edit', old, '--message', 'Standup (new)', '-q');
    expect(edited.code, edited.stderr).toBe(0);
    const successor = edited.stdout.trim().split(/\s+/).at(-1)!;
    const r = await cli('recurring', 'resume', old);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`No paused schedule '${old}' on this machine; it was replaced by ${successor}, which stands`);
    expect(suite.letta.requests('POST')).toHaveLength(2);
  });

  it('deletes nothing when the copy cannot be saved', async () => {
    const item = standup();
    mkdirSync(join(statePath(), '..'), { recursive: true });
    writeFileSync(statePath(), '{ not json');
    const result = await cli('recurring', 'pause', item.id);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(statePath());
    expect(suite.letta.requests('DELETE')).toEqual([]);
    expect(suite.letta.schedules.has(item.id)).toBe(true);
    expect(readFileSync(statePath(), 'utf8')).toBe('{ not json');
  });

  it('keeps the copy when the delete fails; pausing again finishes, resuming instead creates nothing', async () => {
    const item = standup();
    suite.letta.inject(/^DELETE /, { status: 400, body: '{"detail":"refused"}' });
    const failed = await cli('recurring', 'pause', item.id);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      `${item.id} is saved as paused on this machine, but may still be on Letta (its delete did not finish): pause it again to finish (letta-switchboard recurring pause ${item.id}), or resume it to keep it as it is.`,
    );
    expect(suite.letta.schedules.has(item.id)).toBe(true);
    expect(state().paused.map((p) => p.old_id)).toEqual([item.id]);
    expect((await cli('recurring', 'paused')).stderr).toContain(`the pause of ${item.id} was cut short before its delete was seen done`);

    // Resumed now: Letta still runs it, so nothing is created and the copy goes.
    const resumed = await cli('recurring', 'resume', item.id);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('nothing created');
    expect(suite.letta.requests('POST')).toEqual([]);
    expect(state().paused).toEqual([]);

    suite.letta.inject(/^DELETE /, { status: 400, body: '{"detail":"refused"}' });
    expect((await cli('recurring', 'pause', item.id)).code).toBe(1);
    const finished = await cli('recurring', 'pause', item.id);
    expect(finished.code).toBe(0);
    expect(suite.letta.schedules.has(item.id)).toBe(false);
    expect(state().paused.map((p) => p.old_id)).toEqual([item.id]);
    expect((await cli('recurring', 'paused')).stderr).not.toContain('cut short');
    expect((await cli('recurring', 'pause', item.id)).stderr).toContain('already paused');
  });

  it('keeps the copy when the create fails, and when the new schedule cannot be read back; never creates twice', async () => {
    // The server's clock is the command's: a lost create's landing is a copy made since it was sent.
    suite.letta.now = () => Date.parse(NOW[1]!);
    const item = standup();
    expect((await cli('recurring', 'pause', item.id)).code).toBe(0);

    suite.letta.inject(/^POST /, { status: 400, body: '{"detail":"refused"}' });
    const refused = await cli('recurring', 'resume', item.id);
    expect(refused.code).toBe(1);
    expect(state().paused.map((p) => p.old_id)).toEqual([item.id]);
    expect(suite.letta.schedules.size).toBe(0);

    // The create lands but its read-back fails: the copy stays, and the next resume adopts what was created.
    suite.letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule\/.+/, { status: 404, body: '{"detail":"Scheduled message not found"}' });
    const unread = await cli('recurring', 'resume', item.id);
    expect(unread.code).toBe(3);
    expect(state().paused.map((p) => p.old_id)).toEqual([item.id]);
    expect(suite.letta.schedules.size).toBe(1);

    suite.letta.received.length = 0;
    const adopted = await cli('recurring', 'resume', item.id, '-q');
    expect(adopted.code).toBe(0);
    expect(suite.letta.requests('POST')).toEqual([]);
    expect(adopted.stdout.trim()).toBe([...suite.letta.schedules.keys()][0]);
    expect(suite.letta.schedules.size).toBe(1);
    expect(state().paused).toEqual([]);
  });

  it('asks before pausing more than five on a terminal only; a pipe just pauses', async () => {
    const ids = Array.from({ length: 6 }, () => standup().id);
    const result = await cli('recurring', 'pause', ...ids);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/\[y\/N\]/);
    expect(state().paused).toHaveLength(6);
  });

  it('--dry-run prints the delete and saves nothing', async () => {
    const item = standup();
    const result = await cli('recurring', 'pause', item.id, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`DELETE ${suite.letta.url}/v1/agents/${BOT}/schedule/${item.id}`);
    expect(suite.letta.requests('DELETE')).toEqual([]);
    expect(suite.letta.schedules.has(item.id)).toBe(true);
  });

  it('asks before pausing more than five at a terminal; no pauses nothing, --yes does not ask', async () => {
    const ids = Array.from({ length: 6 }, () => standup().id);
    const declined = await runIn(suite.letta, ['recurring', 'pause', ...ids, ...NOW], suite.env, { terminal: 100, stdin: 'n\r' });
    expect(declined.code).toBe(2);
    expect(declined.stderr).toContain('Pause 6 recurring schedules?');
    expect(declined.stderr).toContain('Nothing paused');
    expect(suite.letta.requests('DELETE')).toEqual([]);
    const yes = await runIn(suite.letta, ['recurring', 'pause', ...ids, '--yes', ...NOW], suite.env, { terminal: 100 });
    expect(yes.code).toBe(0);
    expect(yes.stderr).not.toContain('[y/N]');
    expect(suite.letta.requests('DELETE')).toHaveLength(6);
  });

  it('resumes a schedule made from a local-time phrase at the same local time after a DST change, once', async () => {
    const item = standup();
    mkdirSync(join(statePath(), '..'), { recursive: true });
    const intent = {
      schedule_id: item.id,
      agent_id: BOT,
      kind: 'recurring',
      phrase: 'every weekday at 9am',
      zone: 'America/New_York',
      local_rule: '0 9 * * 1-5',
      utc_crons: ['0 14 * * 1-5'],
      created_at: '2027-01-04T12:00:00.000Z',
      replaces: [],
      status: 'active',
    };
    writeFileSync(statePath(), JSON.stringify({ version: 1, intents: [intent], series: [], paused: [] }));
    expect((await cli('recurring', 'pause', item.id)).code).toBe(0);

    // Resumed in summer: 09:00 in New York is 13:00 UTC now.
    const resumed = await runIn(suite.letta, ['recurring', 'resume', item.id, '--now', '2027-04-06T12:00:00Z', '-q'], suite.env);
    expect(resumed.code).toBe(0);
    const newId = resumed.stdout.trim();
    expect(suite.letta.requests('POST').map((r) => (r.body as { schedule: unknown }).schedule)).toEqual([{ type: 'recurring', cron_expression: '0 13 * * 1-5' }]);
    const record = JSON.parse(readFileSync(statePath(), 'utf8')) as { intents: Array<Record<string, unknown>>; paused: unknown[] };
    expect(record.paused).toEqual([]);
    expect(record.intents.find((i) => i.schedule_id === newId)).toMatchObject({ status: 'active', utc_crons: ['0 13 * * 1-5'], replaces: [item.id], local_rule: '0 9 * * 1-5' });
    expect(record.intents.find((i) => i.schedule_id === item.id)).toMatchObject({ status: 'replaced', replaced_by: newId });

    suite.letta.received.length = 0;
    const again = await runIn(suite.letta, ['recurring', 'resume', item.id, '--now', '2027-04-06T12:00:00Z'], suite.env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`already resumed, as ${newId}; nothing created`);
    expect(suite.letta.requests('POST')).toEqual([]);
  });

  it('a schedule created from a phrase in winter, paused, and resumed in summer keeps its local time', async () => {
    const created = await runIn(
      suite.letta,
      ['recurring', 'create', '--agent-id', 'support-bot', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '--now', '2026-11-23T12:00:00Z', '-q'],
      suite.env,
    );
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect(suite.letta.schedules.get(id)?.schedule.cron_expression).toBe('0 14 * * 1-5');
    expect((await runIn(suite.letta, ['recurring', 'pause', id, '--now', '2026-12-01T12:00:00Z'], suite.env)).code).toBe(0);
    suite.letta.received.length = 0;
    const resumed = await runIn(suite.letta, ['recurring', 'resume', id, '--now', '2027-04-06T12:00:00Z', '--tz', 'America/New_York'], suite.env);
    expect(resumed.code).toBe(0);
    expect(suite.letta.requests('POST').map((r) => r.body)).toEqual([{ schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' }, messages: [{ role: 'user', content: 'Standup' }] }]);
    const agenda = await runIn(suite.letta, ['agenda', '--agent-id', 'support-bot', '--now', '2027-04-06T12:00:00Z', '--tz', 'America/New_York', '--days', '1'], suite.env);
    expect(agenda.stdout.split('\t')[0]).toBe('Tue 2027-04-06 09:00 EDT');
  });
});

describe('get of a paused id', () => {
  const suite = useHarness();
  it('shows the saved copy, marked paused, with the command that resumes it', async () => {
    const item = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup');
    const cli = (...args: string[]) => runIn(suite.letta, [...args, ...NOW], suite.env);
    expect((await cli('recurring', 'pause', item.id)).code).toBe(0);
    const shown = await cli('recurring', 'get', item.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Resume with: letta-switchboard recurring resume ${item.id}`);
    const json = await cli('recurring', 'get', item.id, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: item.id, paused: true });
    expect((await cli('onetime', 'get', item.id)).code).toBe(3);
  });
});

describe('paused copies belong to their server', () => {
  const suite = useHarness();
  it("paused lists only this server's copies, and resume refuses another server's, naming it", async () => {
    const item = suite.letta.addSchedule(BOT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup');
    const cli = (env: Record<string, string>, ...args: string[]) => runIn(suite.letta, [...args, ...NOW], { ...suite.env, ...env });
    expect((await cli({}, 'recurring', 'pause', item.id)).code).toBe(0);
    const elsewhere = { LETTA_BASE_URL: 'http://127.0.0.1:9/' };
    expect((await cli(elsewhere, 'recurring', 'paused', '-q')).stdout).toBe('');
    const refused = await cli(elsewhere, 'recurring', 'resume', item.id);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${item.id} was recorded on this machine against ${suite.letta.url}/, not http://127.0.0.1:9/`);
    expect(refused.stderr).toContain(`--base-url ${suite.letta.url}/`);
    expect((await cli({}, 'recurring', 'paused', '-q')).stdout.trim()).toBe(item.id);
  });
});

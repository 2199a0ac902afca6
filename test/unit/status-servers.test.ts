import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness, useSecondServer, type RunOptions } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/** Two servers at once: the harness's (A) and a second one (B) whose ids never look like A's. */
const h = useHarness();
const b = useSecondServer(h);

const OTHER_AGENT = 'agent-22222222-2222-2222-2222-222222222222';
const onA = (args: string[], options?: RunOptions) => h.run(args, options);
const onB = (args: string[], options?: RunOptions) => h.run(args, { ...options, env: { LETTA_BASE_URL: b.url, ...options?.env } });
const serverA = () => `${h.letta.url}/`;
const serverB = () => `${b.url}/`;
const create = (run: typeof onA, agent: string, cron: string, ...extra: string[]) =>
  run(['recurring', 'create', '--agent-id', agent, '--message', 'Stretch', '--cron', cron, '--tz', 'Europe/London', '-q', ...extra]);
type Json = Record<string, any>;
const record = (stdout: string): Json => JSON.parse(stdout).record;

describe('a sync outcome file that cannot be read', () => {
  it('is named in a warning: status cannot tell when sync last ran', async () => {
    await create(onA, AGENT, 'every weekday at 8am');
    const file = join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'last-sync.json');
    writeFileSync(file, '{"servers": {');
    const status = await onA(['status', '--json']);
    expect(status.stderr).toContain(file);
    expect(status.stderr).toContain('when sync last ran is not known until the next sync rewrites it.');
    expect(readFileSync(file, 'utf8')).toBe('{"servers": {');
  });
});

describe('status covers every server this machine has records for', () => {
  it("another server's record is judged too: its needs name it and --base-url, and make the exit 6", async () => {
    await create(onA, AGENT, 'every weekday at 8am');
    const [paused] = (await create(onA, AGENT, 'every day at 7am')).stdout.trim().split('\n');
    expect((await onA(['recurring', 'pause', paused!])).code).toBe(0);
    await create(onB, AGENT, 'every weekday at 9am');
    expect((await onB(['sync'])).code).toBe(0);

    const status = await onB(['status', '--all-agents', '--json']);
    expect(status.code).toBe(6);
    const facts = record(status.stdout);
    // The server in use as before: synced, all well.
    expect(facts).toMatchObject({ server: serverB(), last_sync: { ok: true }, needs_action: [], paused: [] });
    expect(facts.dst_changes.map((c: Json) => c.moves.length)).toEqual([1]);
    expect(facts.other_servers).toHaveLength(1);
    const a = facts.other_servers[0];
    expect(a).toMatchObject({ server: serverA(), last_sync: null, paused: [{ id: paused, agent_id: AGENT }] });
    expect(a.dst_changes).toEqual([expect.objectContaining({ zone: 'Europe/London', moves: [expect.stringMatching(/^sm-/)] })]);
    expect(a.needs_action).toEqual([`On ${serverA()}: sync has never run against this server (run it hourly: letta-switchboard sync --base-url ${serverA()} --print-cron)`]);

    const text = await onB(['status', '--all-agents']);
    expect(text.code).toBe(6);
    expect(text.stderr).toContain(`Server ${serverA()} (recorded on this machine; not the server in use)`);
    expect(text.stderr).toContain(`letta-switchboard recurring resume ${paused} --base-url ${serverA()}`);
    expect(text.stderr).toContain(`Server ${serverB()}\n`);
  });

  it("a failed sync on another server shows in this server's status; a server with nothing recorded is left out", async () => {
    await create(onB, AGENT, 'every weekday at 9am');
    b.inject(/^GET \/v1\/agents\/[^/]+\/schedule$/, ...Array.from({ length: 3 }, () => ({ status: 500, headers: { 'retry-after-ms': '1' }, body: '{"detail":"down"}' })));
    expect((await onB(['sync'])).code).toBe(1);
    await create(onA, AGENT, 'every weekday at 8am');
    expect((await onA(['sync'])).code).toBe(0);
    const status = await onA(['status', '--all-agents', '--json']);
    expect(status.code).toBe(6);
    const facts = record(status.stdout);
    expect(facts.needs_action).toEqual([]);
    expect(facts.other_servers.map((o: Json) => o.server)).toEqual([serverB()]);
    expect(facts.other_servers[0].needs_action[0]).toMatch(new RegExp(`^On ${serverB().replace(/[.]/g, '\\.')}: The last sync \\(.*\\) failed: .*down`));
  });

  it('a failed sync against a server with nothing recorded (a mistyped URL) does not make every status exit 6', async () => {
    await create(onA, AGENT, 'every weekday at 8am');
    expect((await onA(['sync'])).code).toBe(0);
    const typo = 'http://letta.invalid/';
    const failed = await h.run(['sync'], { env: { LETTA_BASE_URL: typo, LETTA_API_KEY: '' } });
    expect(failed.code).toBe(4);
    for (const args of [['status'], ['status', '-q'], ['status', '--json']]) {
      const status = await onA(args);
      expect(status.code, args.join(' ')).toBe(0);
      expect(status.stderr).not.toContain('The last sync');
    }
    // Shown as what it was, needing nothing.
    const facts = record((await onA(['status', '--json'])).stdout);
    expect(facts.other_servers).toEqual([expect.objectContaining({ server: typo, last_sync: expect.objectContaining({ ok: false, exit_code: 4 }), needs_action: [] })]);

    // Where it keeps something, the failure needs action, and says how to run it there again.
    await create(onB, AGENT, 'every weekday at 9am');
    b.inject(/^GET \/v1\/agents\/[^/]+\/schedule$/, ...Array.from({ length: 3 }, () => ({ status: 500, headers: { 'retry-after-ms': '1' }, body: '{"detail":"down"}' })));
    expect((await onB(['sync'])).code).toBe(1);
    const status = await onA(['status', '-q']);
    expect(status.code).toBe(6);
    expect(status.stderr).toContain(`On ${serverB()}: The last sync`);
    expect(status.stderr).toContain(`(once mended, run letta-switchboard sync --base-url ${serverB()})`);
  });

  it('--agent-id narrows the record part to that agent, on every server', async () => {
    await create(onA, AGENT, 'every day at 9am', '--count', '3');
    await create(onA, OTHER_AGENT, 'every day at 10am', '--count', '3');
    const [mine] = (await create(onA, AGENT, 'every day at 7am')).stdout.trim().split('\n');
    const [theirs] = (await create(onA, OTHER_AGENT, 'every day at 7am')).stdout.trim().split('\n');
    await onA(['recurring', 'pause', mine!, theirs!]);
    await create(onB, OTHER_AGENT, 'every weekday at 9am');

    const all = record((await onA(['status', '--all-agents', '--json'])).stdout);
    expect(all.series.map((s: Json) => s.agent_id).sort()).toEqual([AGENT, OTHER_AGENT]);
    expect(all.paused.map((p: Json) => p.id).sort()).toEqual([mine, theirs].sort());
    expect(all.other_servers.map((o: Json) => o.server)).toEqual([serverB()]);

    const one = record((await onA(['status', '--agent-id', AGENT, '--json'])).stdout);
    expect(one.series.map((s: Json) => s.agent_id)).toEqual([AGENT]);
    expect(one.paused.map((p: Json) => p.id)).toEqual([mine]);
    // B holds only the other agent's record: nothing of it is this agent's.
    expect(one.other_servers).toEqual([]);
  });

  it('a record set aside counts for the server it names, else for the server in use', async () => {
    await create(onA, AGENT, 'every weekday at 8am');
    const file = join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    state.intents.push({ schedule_id: 'bad-b', server: serverB(), status: 'sleeping' }, { schedule_id: 'bad-anywhere', status: 'sleeping' });
    writeFileSync(file, JSON.stringify(state));
    const facts = record((await onA(['status', '--all-agents', '--json'])).stdout);
    expect(facts.skipped.map((s: Json) => s.where)).toEqual(['intents[2]']);
    expect(facts.other_servers.map((o: Json) => [o.server, o.skipped.map((s: Json) => s.where)])).toEqual([[serverB(), ['intents[1]']]]);
  });

  it('a create whose answer was lost needs action until sync records it', async () => {
    h.letta.inject(new RegExp(`^POST /v1/agents/${AGENT}/schedule$`), { status: 500, body: '', land: true });
    expect((await create(onA, AGENT, 'every weekday at 8am')).code).toBe(1);
    const before = record((await onA(['status', '--json'])).stdout);
    expect(before.unfinished_creates).toEqual([expect.objectContaining({ agent_id: AGENT, phrase: 'every weekday at 8am' })]);
    expect(before.needs_action).toContain("1 create's answer was lost ('every weekday at 8am'): run letta-switchboard sync to record what landed");
    expect((await onA(['sync'])).code).toBe(0);
    const after = await onA(['status', '--json']);
    expect(record(after.stdout).unfinished_creates).toEqual([]);
  });
});

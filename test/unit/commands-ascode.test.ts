import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
  mkdirSync(dir);
  writeFileSync(join(dir, 'keep.md'), `---\nagent: ${AGENT}\nwhen: "0 9 * * *"\n---\nKeep\n`);
  writeFileSync(join(dir, 'drop.md'), `---\nagent: ${AGENT}\nwhen: "0 10 * * *"\n---\nDrop\n`);
});

describe('apply on a terminal', () => {
  async function removeDrop() {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    rmSync(join(dir, 'drop.md'));
    h.letta.received.length = 0;
  }

  it('asks before deleting the schedules of a removed file, and deletes on yes', async () => {
    await removeDrop();
    const r = await h.run(['apply', '-f', dir], { terminal: 100, stdin: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Delete 1 schedule of 1 removed file (drop.md)? [y/N] ');
    expect(h.letta.requests('DELETE')).toHaveLength(1);
  });

  it('while it asks, it holds no lock: another command changes schedules meanwhile; then it deletes on yes', async () => {
    await removeDrop();
    let answer!: (text: string) => void;
    const answered = new Promise<string>((resolve) => (answer = resolve));
    const later = (async function* () {
      yield await answered;
    })();
    const applying = h.run(['apply', '-f', dir], { terminal: 100, stdin: later });
    // Once apply has listed what Letta has it asks; a create beside it goes through without waiting for the answer.
    while (h.letta.requests('GET').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Meanwhile', '--cron', 'every day at 9am']);
    expect(made.code, made.stderr).toBe(0);
    answer('y\n');
    const r = await applying;
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.requests('DELETE')).toHaveLength(1);
  });

  it('deletes nothing on no, and says so plainly: an answer, not an error', async () => {
    await removeDrop();
    const r = await h.run(['apply', '-f', dir], { terminal: 100, stdin: 'n\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\nNot deleted, as answered: 1 schedule of 1 removed file (drop.md). The next apply asks again; restore the files to keep them.');
    expect(r.stderr).not.toContain('Error');
    expect(r.stderr).toContain('Nothing changed but for the deletes held back below');
    expect(r.stderr).not.toContain('Nothing to change');
    expect(h.letta.requests('DELETE')).toEqual([]);
  });

  it('a removed file whose schedule is paused here is a delete: apply drops the saved copy, so resume brings nothing back', async () => {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const [id] = JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout)
      .filter((row: { message: { messages: Array<{ content: string }> } }) => row.message.messages[0]!.content === 'Drop')
      .map((row: { id: string }) => row.id) as string[];
    expect((await h.run(['recurring', 'pause', id!])).code).toBe(0);
    rmSync(join(dir, 'drop.md'));
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`drop.md  (${id} paused here: its saved copy dropped)`);
    expect(plan.stdout).not.toContain('left as it is');
    expect(plan.stderr).toContain('1 to delete');
    const applied = await h.run(['apply', '-f', dir, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`drop.md: dropped the saved copy of paused ${id}`);
    const resumed = await h.run(['recurring', 'resume', id!]);
    expect(resumed.code).toBe(3);
    expect(h.letta.requests('POST').filter((r) => r.body && JSON.stringify(r.body).includes('Drop'))).toHaveLength(1);
    expect((await h.run(['plan', '-f', dir])).code).toBe(0);
  });

  async function pausedDrop(): Promise<string> {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const [id] = JSON.parse((await h.run(['recurring', 'list', '--json'])).stdout)
      .filter((row: { message: { messages: Array<{ content: string }> } }) => row.message.messages[0]!.content === 'Drop')
      .map((row: { id: string }) => row.id) as string[];
    expect((await h.run(['recurring', 'pause', id!])).code).toBe(0);
    return id!;
  }
  const dropCreates = () => h.letta.requests('POST').filter((r) => r.body && JSON.stringify(r.body).includes('Drop'));

  it('a file renamed while its schedule is paused here: the new name takes it still paused, and one resume brings back one', async () => {
    const id = await pausedDrop();
    renameSync(join(dir, 'drop.md'), join(dir, 'renamed.md'));
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout).toContain(`= paused    renamed.md  (${id} paused on this machine`);
    expect(plan.stdout).not.toContain('saved copy dropped');
    expect((await h.run(['apply', '-f', dir, '--yes'])).code).toBe(0);
    expect(dropCreates()).toHaveLength(1);
    expect((await h.run(['recurring', 'resume', id])).code).toBe(0);
    expect(dropCreates()).toHaveLength(2);
    expect((await h.run(['plan', '-f', dir])).code).toBe(0);
    expect(dropCreates()).toHaveLength(2);
  });

  it('the same after a pause, a resume and a pause again: the removed file is paused as its latest copy', async () => {
    const first = await pausedDrop();
    const again = (await h.run(['recurring', 'resume', first, '-q'])).stdout.trim();
    expect((await h.run(['recurring', 'pause', again])).code).toBe(0);
    rmSync(join(dir, 'drop.md'));
    const removed = await h.run(['plan', '-f', dir]);
    expect(removed.stdout).toContain(`drop.md  (${again} paused here: its saved copy dropped)`);
    writeFileSync(join(dir, 'renamed.md'), `---\nagent: ${AGENT}\nwhen: "0 10 * * *"\n---\nDrop\n`);
    const renamed = await h.run(['plan', '-f', dir]);
    expect(renamed.stdout).toContain(`= paused    renamed.md  (${again} paused on this machine`);
    expect((await h.run(['apply', '-f', dir, '--yes'])).code).toBe(0);
    expect((await h.run(['recurring', 'resume', again])).code).toBe(0);
    expect(dropCreates()).toHaveLength(3);
    expect((await h.run(['plan', '-f', dir])).code).toBe(0);
  });

  it('a set file missing one member is made whole, and the plan says what it makes again', async () => {
    writeFileSync(join(dir, 'set.md'), `---\nagent: ${AGENT}\nwhen: "every day at 9:00 and 17:30"\ntimezone: UTC\n---\nTwice\n`);
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const [first] = JSON.parse(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')).servers[h.letta.url]['set.md'].ids as string[];
    h.letta.schedules.delete(first!);
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.stdout).toContain('~ replace   set.md  (1 missing, made again)');
  });

  it('a renamed file keeps its schedule: the new name takes it, nothing is made twice or deleted', async () => {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const before = [...h.letta.schedules.keys()].sort();
    renameSync(join(dir, 'drop.md'), join(dir, 'renamed.md'));
    h.letta.received.length = 0;
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.stdout).toContain('renamed.md  (0 schedules; 1 found on Letta, taken and not made again');
    expect(plan.stderr).toContain('Plan: 0 to create, 0 to replace, 0 to delete, 1 to take as found on Letta, 1 unchanged.');
    // The file gone is neither unchanged nor anything else.
    expect(JSON.parse((await h.run(['plan', '-f', dir, '--json'])).stdout).unchanged).toEqual(['keep.md']);
    const r = await h.run(['apply', '-f', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.requests('POST')).toEqual([]);
    expect(h.letta.requests('DELETE')).toEqual([]);
    expect([...h.letta.schedules.keys()].sort()).toEqual(before);
    expect((await h.run(['plan', '-f', dir])).code).toBe(0);
  });

  it('plan with no folder here says where to look', async () => {
    const r = await h.run(['plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: No folder \.\/letta-schedules here\n.*letta-switchboard export/);
  });

  it('a file left out with nothing else to change is exit 2, not 6 (changes)', async () => {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    writeFileSync(join(dir, 'bad.md'), `---\nagent: ${AGENT}\nwhen: blorp\n---\nHi\n`);
    const r = await h.run(['plan', '-f', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}/bad.md:3: when: 'blorp'`);
    expect(r.stderr).toContain('0 to create');
  });

  it('a file naming an agent id Letta does not have is left out as a name it does not know is, and nothing is made for it', async () => {
    const nobody = 'agent-99999999-9999-9999-9999-999999999999';
    writeFileSync(join(dir, 'nobody.md'), `---\nwhen: "0 8 * * *"\nagent: ${nobody}\n---\nHi\n`);
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(`${dir}/nobody.md:3: agent: `);
    expect(plan.stderr).toContain(nobody);
    expect(plan.stdout).not.toContain('nobody.md');
    const apply = await h.run(['apply', '-f', dir]);
    expect(apply.code).toBe(2);
    expect(h.letta.requests('POST').map((r) => r.path)).not.toContain(`/v1/agents/${nobody}/schedule`);
    expect(h.letta.requests('POST')).toHaveLength(2);
  });

  it('a file that is not UTF-8 is left out at the line of its first bad byte, not sent with replacement characters', async () => {
    writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from(`---\nagent: ${AGENT}\nwhen: "0 8 * * *"\n---\nCaf`), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(`${dir}/latin1.md:5: not UTF-8 text; save it as UTF-8`);
    expect(plan.stdout).not.toContain('latin1.md');
  });

  it('a clock time needs a zone when none is set anywhere; a UTC cron does not', async () => {
    writeFileSync(join(dir, 'clock.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am\n---\nClock\n`);
    const r = await h.run(['plan', '-f', dir], { env: { TZ: undefined } });
    // A file left out is bad input, whatever else would change; the rest of the plan is still shown.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}/clock.md:3: when: 'every day at 9am' names a time on the clock, and no zone is set: add 'timezone: ZONE'`);
    expect(r.stdout).toContain('+ create    keep.md');
  });
});

describe('export --dry-run', () => {
  it('lists the files it would write and writes nothing, not even the folder', async () => {
    h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 13 * * *' }, 'hello');
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-export-')), 'out');
    const r = await h.run(['export', '--agent-id', AGENT, '-f', folder, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${folder}/.+\\.md$`, 'm'));
    expect(r.stderr).toContain(`Dry run: would write 1 file and ${folder}/letta-schedules.lock.json; nothing written.`);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('export names an agent the same however it was given', () => {
  it('by id, by name and every agent: the same files, so exporting again by another finds nothing changed', async () => {
    const name = h.letta.agents.find((agent) => agent.id === AGENT)!.name;
    h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 13 * * *' }, 'hello');
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-export-')), 'out');
    expect((await h.run(['export', '--all-agents', '-f', folder])).code).toBe(0);
    const [file] = readdirSync(folder).filter((f) => f.endsWith('.md'));
    const written = readFileSync(join(folder, file!), 'utf8');
    expect(written).toContain(`agent: ${name}\n`);
    for (const given of [AGENT, name]) {
      const again = await h.run(['export', '--agent-id', given, '-f', folder]);
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(join(folder, file!), 'utf8')).toBe(written);
    }
  });
  it('a file that names its agent by id keeps it; a new file names the agent by its name', async () => {
    const name = h.letta.agents.find((agent) => agent.id === AGENT)!.name;
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-export-')), 'out');
    mkdirSync(folder);
    writeFileSync(join(folder, 'nine.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am\ntimezone: UTC\n---\nNine\n`);
    expect((await h.run(['apply', '-f', folder])).code).toBe(0);
    h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 13 * * *' }, 'hello');
    const r = await h.run(['export', '--agent-id', AGENT, '-f', folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(folder, 'nine.md'), 'utf8')).toContain(`agent: ${AGENT}\n`);
    expect(readFileSync(join(folder, 'hello.md'), 'utf8')).toContain(`agent: ${name}\n`);
  });
});

describe('--concurrency on export and plan', () => {
  const agents = Array.from({ length: 20 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-0000-0000-000000000000`, name: `bot-${i}` }));

  it.each([
    [[], 8],
    [['--concurrency', '3'], 3],
  ])('%j asks at most %i agents at a time, and the files and plan are the same', async (flags, most) => {
    h.letta.agents = agents;
    for (const agent of agents) h.letta.addSchedule(agent.id, { type: 'recurring', cron_expression: '0 13 * * *' }, `hello from ${agent.name}`);
    h.letta.latencyMs = 20;
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-export-')), 'out');
    h.letta.maxInFlight = 0;
    const exported = await h.run(['export', '--all-agents', '-f', folder, ...flags]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(most);
    for (const agent of agents) writeFileSync(join(folder, `new-${agent.name}.md`), `---\nagent: ${agent.id}\nwhen: "0 9 * * *"\n---\nNew\n`);
    h.letta.maxInFlight = 0;
    const planned = await h.run(['plan', '-f', folder, ...flags]);
    expect(planned.code, planned.stderr).toBe(6);
    expect(planned.stdout.match(/^\+ create/gm)).toHaveLength(20);
    expect(h.letta.maxInFlight).toBe(most);
    expect((await h.run(['plan', '-f', folder, '--concurrency', '65'])).code).toBe(2);
  });
});

describe('a file-owned schedule deleted outside the folder', () => {
  it('plan and apply say it is made again, and how to keep it deleted', async () => {
    const first = await h.run(['plan', '-f', dir]);
    expect(first.stdout).not.toContain('no longer on Letta');
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const keep = [...h.letta.schedules.values()].find((s) => JSON.stringify(s.message).includes('Keep'))!.id;
    expect((await h.run(['recurring', 'delete', keep])).code).toBe(0);
    const said = `its schedule ${keep} is no longer on Letta (deleted outside this folder): apply makes it again; remove the file to keep it deleted`;
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`+ create    keep.md  (1 schedule)`);
    expect(plan.stdout).toContain(`    note: ${said}`);
    expect(plan.stdout).not.toContain('drop.md');
    const applied = await h.run(['apply', '-f', dir]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain(`Note: keep.md: ${said}`);
    expect((await h.run(['plan', '-f', dir])).code).toBe(0);
  });
});

describe('export of a file-owned schedule an edit replaced', () => {
  /** A folder whose nine.md owns a 09:00 New York schedule, which an edit of its message then replaced. */
  async function appliedThenEdited() {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    mkdirSync(folder);
    writeFileSync(join(folder, 'nine.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am\ntimezone: America/New_York\n---\nNine\n`);
    expect((await h.run(['apply', '-f', folder])).code).toBe(0);
    const [first] = [...h.letta.schedules.keys()];
    expect((await h.run(['recurring', 'edit', first!, '--message', 'Nine (edited)'])).code).toBe(0);
    return { folder, first };
  }

  it('keeps the file phrase and zone (its successor still fires as it says), and the lock file follows the successor', async () => {
    const { folder, first } = await appliedThenEdited();
    const [successor] = [...h.letta.schedules.keys()];
    expect(successor).not.toBe(first);
    const exported = await h.run(['export', '--agent-id', AGENT, '-f', folder, '--force']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(folder, 'nine.md'), 'utf8')).toBe(`---\nagent: ${AGENT}\nwhen: every day at 9am\ntimezone: America/New_York\n---\nNine (edited)\n`);
    const lock = JSON.parse(readFileSync(join(folder, 'letta-schedules.lock.json'), 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
    expect(Object.values(lock.servers)[0]!['nine.md']!.ids).toEqual([successor]);
    // After the spring change the file's clock time is kept: the plan replaces the UTC cron.
    const plan = await h.run(['--now', '2027-03-20T12:00:00Z', 'plan', '-f', folder]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain('cron: 0 14 * * * → 0 13 * * * (UTC)');
  });

  it('its file removed, apply deletes the successor: nothing is left firing that no file owns', async () => {
    const { folder, first } = await appliedThenEdited();
    const [successor] = [...h.letta.schedules.keys()];
    expect(successor).not.toBe(first);
    rmSync(join(folder, 'nine.md'));
    const plan = await h.run(['plan', '-f', folder]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`- delete    nine.md  (${successor})`);
    const applied = await h.run(['apply', '-f', folder, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`nine.md: deleted ${successor}`);
    expect([...h.letta.schedules.keys()]).toEqual([]);
    expect((await h.run(['plan', '-f', folder])).code).toBe(0);
  });

  it('its file removed after a DST sync replaced it, the plan deletes what sync made', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    mkdirSync(folder);
    const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
    expect((await at('2027-03-01T12:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Ten', '--cron', 'every day at 10am', '--tz', 'America/New_York'])).code).toBe(0);
    expect((await at('2027-03-01T12:00:00Z', ['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    expect((await at('2027-03-20T12:00:00Z', ['sync'])).code).toBe(0);
    const [successor] = [...h.letta.schedules.keys()];
    rmSync(join(folder, 'ten.md'));
    const plan = await at('2027-03-20T12:00:00Z', ['plan', '-f', folder]);
    expect(plan.code, plan.stdout).toBe(6);
    expect(plan.stdout).toContain(`- delete    ten.md  (${successor})`);
  });

  it('after a DST change too: the successor still has the UTC cron of before it', async () => {
    const { folder } = await appliedThenEdited();
    const exported = await h.run(['--now', '2027-03-20T12:00:00Z', 'export', '--agent-id', AGENT, '-f', folder, '--force']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(folder, 'nine.md'), 'utf8')).toContain('when: every day at 9am\ntimezone: America/New_York\n');
  });
});

describe('export of a series a member of which was deleted since it was last exported', () => {
  it('leaves the member out of the file series, so the plan does not make it again', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const at = (args: string[]) => h.run(['--now', '2027-03-01T00:00:00Z', ...args]);
    const made = await at(['recurring', 'create', '--agent-id', AGENT, '--message', 'Series', '--cron', 'every day at 10am', '--count', '4', '--tz', 'UTC', '-q']);
    expect(made.code, made.stderr).toBe(0);
    expect((await at(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const second = [...h.letta.schedules.keys()].sort()[1]!;
    expect((await at(['onetime', 'delete', second])).code).toBe(0);
    const again = await at(['export', '--agent-id', AGENT, '-f', folder]);
    expect(again.code, again.stderr).toBe(0);
    const plan = await at(['plan', '-f', folder]);
    expect(plan.stdout + plan.stderr).not.toContain('top-up');
    expect(plan.code, plan.stdout).toBe(0);
  });
});

describe('plan of a series whose members were changed on Letta', () => {
  it('names the instants that differ where the count and first alone read the same, or where only some differ', async () => {
    const at = (args: string[]) => h.run(['--now', '2027-03-01T00:00:00Z', ...args]);
    writeFileSync(join(dir, 'water.md'), `---\nagent: ${AGENT}\nwhen: every day at 10am\ntimezone: UTC\ncount: 4\n---\nWater\n`);
    expect((await at(['apply', '-f', dir])).code).toBe(0);
    const members = [...h.letta.schedules.values()].filter((s) => s.schedule.type === 'one-time').sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!);
    expect(members.map((m) => new Date(m.schedule.scheduled_at!).toISOString())).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'].map((d) => `${d}T10:00:00.000Z`));
    // Moved an hour on Letta: as many, from the same first.
    members[2]!.schedule.scheduled_at! += 3_600_000;
    const moved = await at(['plan', '-f', dir, '--json']);
    expect(moved.code).toBe(6);
    expect(JSON.parse(moved.stdout).changes[0].diff).toEqual([
      { field: 'schedules', from: '4 waiting from 2027-03-01T10:00:00.000Z; 2027-03-03T11:00:00.000Z', to: '4 waiting from 2027-03-01T10:00:00.000Z; 2027-03-03T10:00:00.000Z' },
    ]);
    // One deleted on Letta: the one made again is named.
    h.letta.schedules.delete(members[1]!.id);
    const text = await at(['plan', '-f', dir]);
    expect(text.stdout).toContain(
      'schedules: 3 waiting from 2027-03-01T10:00:00.000Z; 2027-03-03T11:00:00.000Z → 4 waiting from 2027-03-01T10:00:00.000Z; 2027-03-02T10:00:00.000Z, 2027-03-03T10:00:00.000Z',
    );
    // A new time for all: only how many and from when.
    writeFileSync(join(dir, 'water.md'), `---\nagent: ${AGENT}\nwhen: every day at 12pm\ntimezone: UTC\ncount: 4\n---\nWater\n`);
    expect((await at(['plan', '-f', dir])).stdout).toContain('schedules: 3 waiting from 2027-03-01T10:00:00.000Z → 4 waiting from 2027-03-01T12:00:00.000Z\n');
  });
});

describe('a 5-field cron in a file runs in UTC', () => {
  it('a zone other than UTC beside it is refused at its line, and export writes UTC beside a cron made with --tz', async () => {
    writeFileSync(join(dir, 'nine.md'), `---\nagent: ${AGENT}\nwhen: "0 9 * * *"\ntimezone: America/New_York\n---\nNine\n`);
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(`${dir}/nine.md:4: timezone: a 5-field cron runs in UTC, so 'America/New_York' would not apply to '0 9 * * *'`);

    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    expect((await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Raw', '--cron', '30 14 * * 1-5', '--tz', 'America/New_York'])).code).toBe(0);
    expect((await h.run(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    expect(readFileSync(join(folder, 'raw.md'), 'utf8')).toContain(`when: 30 14 * * 1-5\ntimezone: UTC\n`);
    expect((await h.run(['plan', '-f', folder])).code).toBe(0);
  });
});

describe('apply deleting members of a series this machine recorded', () => {
  it('records them deleted with this tool, so sync does not say they were deleted outside it', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const at = (args: string[]) => h.run(['--now', '2027-03-01T00:00:00Z', ...args]);
    expect((await at(['recurring', 'create', '--agent-id', AGENT, '--message', 'Four', '--cron', 'every day at 11pm', '--count', '4', '--tz', 'UTC'])).code).toBe(0);
    expect((await at(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const file = join(folder, 'four.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('count: 4', 'count: 2'));
    const applied = await at(['apply', '-f', folder, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(h.letta.requests('DELETE')).toHaveLength(2);
    const record = JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as { series: Array<{ members: Array<{ gone?: boolean }> }> };
    expect(record.series[0]!.members.map((m) => m.gone === true)).toEqual([false, false, true, true]);
    const sync = await at(['sync', '--dry-run']);
    expect(sync.stderr + sync.stdout).not.toContain('outside letta-switchboard');
  });
});

describe('apply --dry-run', () => {
  it('says what it would create and delete, and does neither', async () => {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    rmSync(join(dir, 'drop.md'));
    writeFileSync(join(dir, 'new.md'), `---\nagent: ${AGENT}\nwhen: "0 11 * * *"\n---\nNew\n`);
    const before = [...h.letta.schedules.keys()];
    const r = await h.run(['apply', '-f', dir, '--dry-run', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/new\.md: would create 1\n/);
    expect(r.stderr).toMatch(/drop\.md: would delete sm-\d+\n/);
    expect(r.stderr).not.toMatch(/: (created|deleted) /);
    expect([...h.letta.schedules.keys()]).toEqual(before);
  });
});

describe('export of an agent with a paused schedule', () => {
  it('says the paused schedule is not exported and how to have it', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Paused one', '--cron', 'every day at 9am', '--tz', 'UTC', '-q']);
    const id = made.stdout.trim();
    expect((await h.run(['recurring', 'pause', id])).code).toBe(0);
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const r = await h.run(['export', '--agent-id', AGENT, '-f', folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Not exported: ${id} (agent ${AGENT}): it is paused; resume it (letta-switchboard recurring resume ${id}), then export again.`);
  });
});

describe("a folder's README.md", () => {
  it('is the folder text, not a schedule file: plan and apply pass it over', async () => {
    writeFileSync(join(dir, 'README.md'), '# Our schedules\n\nOne file per schedule; run letta-switchboard plan.\n');
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr + plan.stdout).not.toContain('README');
  });
});

describe('export beside a file not applied yet', () => {
  it('does not write again a schedule the file says already, so plan makes no second copy', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    mkdirSync(folder);
    expect((await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Hand written', '--cron', '44 4 * * *'])).code).toBe(0);
    const [id] = [...h.letta.schedules.keys()];
    writeFileSync(join(folder, 'mine.md'), `---\nagent: ${AGENT}\nwhen: "44 4 * * *"\ntimezone: UTC\n---\nHand written\n`);
    const r = await h.run(['export', '--agent-id', AGENT, '-f', folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Not exported: ${id} (agent ${AGENT}): ${folder}/mine.md says it already (apply takes it as that file's).`);
    expect(readdirSync(folder).sort()).toEqual(['letta-schedules.lock.json', 'mine.md']);
    expect((await h.run(['apply', '-f', folder])).code).toBe(0);
    expect(h.letta.requests('POST')).toHaveLength(1);
    expect([...h.letta.schedules.keys()]).toEqual([id]);
  });
});

describe('plan after an apply whose create lost its answer', () => {
  it('says the replacement it will take as found, as --json does, and apply takes it without making another', async () => {
    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    const [old] = [...h.letta.schedules.values()].filter((one) => JSON.stringify(one.message).includes('Keep'));
    writeFileSync(join(dir, 'keep.md'), `---\nagent: ${AGENT}\nwhen: "0 9 * * *"\n---\nKeep going\n`);
    h.letta.inject(/^POST /, { reset: true, land: true });
    expect((await h.run(['apply', '-f', dir])).code).toBe(5);
    const landed = [...h.letta.schedules.values()].find((one) => JSON.stringify(one.message).includes('Keep going'))!;

    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`~ replace   keep.md  (replaces ${old!.id}; by ${landed.id}, found on Letta and taken, not made again)`);
    const json = JSON.parse((await h.run(['plan', '-f', dir, '--json'])).stdout);
    expect(json.changes).toEqual([expect.objectContaining({ file: 'keep.md', action: 'replace', create: [], adopt: [landed.id], delete: [old!.id] })]);

    expect((await h.run(['apply', '-f', dir])).code).toBe(0);
    expect([...h.letta.schedules.values()].filter((one) => JSON.stringify(one.message).includes('Keep')).map((one) => one.id)).toEqual([landed.id]);
  });
});

describe('a series this machine recorded, exported to a folder', () => {
  const folder = () => join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
  const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
  const START = '2027-03-01T00:00:00Z';
  const LATER = '2027-04-20T00:00:00Z';
  async function exported(): Promise<string> {
    const dir = folder();
    const made = await at(START, ['recurring', 'create', '--agent-id', AGENT, '--message', 'Pay day', '--cron', 'last friday of every month at 5pm', '--tz', 'UTC', '-q']);
    expect(made.code, made.stderr).toBe(0);
    expect((await at(START, ['export', '--agent-id', AGENT, '-f', dir])).code).toBe(0);
    return dir;
  }
  const waiting = () =>
    [...h.letta.schedules.values()]
      .filter((s) => s.schedule.type === 'one-time')
      .map((s) => `${new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10)} ${(s.message.messages[0] as { content: string }).content}`)
      .sort();

  it('is deleted for good when its file is removed and applied: sync makes none of it again', async () => {
    const dir = await exported();
    rmSync(join(dir, 'pay-day.md'));
    expect((await at(START, ['apply', '-f', dir, '--yes'])).code).toBe(0);
    expect(waiting()).toEqual([]);
    const sync = await at(LATER, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(waiting()).toEqual([]);
  });

  it('replaced by its file, is not topped up any more with the old message', async () => {
    const dir = await exported();
    const file = join(dir, 'pay-day.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/Pay day\n$/, 'Pay day!\n'));
    expect((await at(START, ['apply', '-f', dir])).code).toBe(0);
    expect((await at(LATER, ['sync'])).code).toBe(0);
    expect((await at(LATER, ['apply', '-f', dir])).code).toBe(0);
    expect(waiting()).toEqual(['2027-03-26 Pay day!', '2027-04-30 Pay day!', '2027-05-28 Pay day!']);
  });

  it('topped up by sync or by apply, gets each next member once', async () => {
    const dir = await exported();
    expect((await at(LATER, ['sync'])).code).toBe(0);
    const plan = await at(LATER, ['plan', '-f', dir]);
    expect(plan.stdout).not.toContain('top-up');
    expect((await at(LATER, ['apply', '-f', dir])).code).toBe(0);
    expect(waiting()).toEqual(['2027-03-26 Pay day', '2027-04-30 Pay day', '2027-05-28 Pay day']);
    const later = '2027-06-10T00:00:00Z';
    expect((await at(later, ['apply', '-f', dir])).code).toBe(0);
    const sync = await at(later, ['sync']);
    expect(sync.stdout + sync.stderr).not.toContain('created');
    expect(waiting()).toEqual(['2027-03-26 Pay day', '2027-04-30 Pay day', '2027-05-28 Pay day', '2027-06-25 Pay day', '2027-07-30 Pay day']);
  });
});

describe('a set this machine recorded, part of it dropped from its file and applied', () => {
  it('is listed and exported again by what the file now says, not by the phrase it was made with', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Check', '--cron', 'every weekday at 9am and every saturday at 10:30am', '--tz', 'America/New_York']);
    expect(made.code, made.stderr).toBe(0);
    expect((await h.run(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const file = join(folder, 'check.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(' and every saturday at 10:30am', ''));
    const applied = await h.run(['apply', '-f', folder]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(h.letta.requests('DELETE')).toHaveLength(1);
    const list = await h.run(['recurring', 'list', '--agent-id', AGENT]);
    expect(list.stdout).toContain('\tset: every weekday at 9am (1 schedule)\t');
    const again = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    expect((await h.run(['export', '--agent-id', AGENT, '-f', again])).code).toBe(0);
    expect(readFileSync(join(again, 'check.md'), 'utf8')).toContain('when: every weekday at 9am\ntimezone: America/New_York\n');
  });
});

describe('a series this machine recorded, exported, then paused and resumed', () => {
  it('is topped up once by sync, and the file counts what sync made as its own', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
    const made = await at('2027-03-01T00:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Pay day', '--cron', 'last friday of every month at 5pm', '--tz', 'UTC', '-q']);
    const series = made.stdout.trim();
    expect((await at('2027-03-01T00:00:00Z', ['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    expect((await at('2027-03-01T00:00:00Z', ['recurring', 'pause', series])).code).toBe(0);
    expect((await at('2027-03-01T00:00:00Z', ['recurring', 'resume', series])).code).toBe(0);
    expect((await at('2027-04-20T00:00:00Z', ['sync'])).code).toBe(0);
    const plan = await at('2027-04-20T00:00:00Z', ['plan', '-f', folder]);
    expect(plan.stdout).not.toContain('top-up');
    expect(plan.code, plan.stdout).toBe(0);
    const instants = [...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10)).sort();
    expect(instants).toEqual(['2027-03-26', '2027-04-30', '2027-05-28']);
  });
});

describe('a member of a series this machine recorded, deleted after the series was exported', () => {
  it('is not made again by plan and apply, as sync does not make it again', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const at = (args: string[]) => h.run(['--now', '2027-03-20T00:00:00Z', ...args]);
    expect((await at(['recurring', 'create', '--agent-id', AGENT, '--message', 'Pay day', '--cron', 'last friday of every month at 5pm', '--tz', 'UTC'])).code).toBe(0);
    expect((await at(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const second = [...h.letta.schedules.values()].sort((a, b) => a.schedule.scheduled_at! - b.schedule.scheduled_at!)[1]!.id;
    expect((await at(['onetime', 'delete', second, '--yes'])).code).toBe(0);
    h.letta.received.length = 0;
    const plan = await at(['plan', '-f', folder]);
    expect(plan.stdout).not.toContain('top-up');
    expect(plan.code, plan.stdout).toBe(0);
    expect((await at(['apply', '-f', folder])).code).toBe(0);
    expect(h.letta.requests('POST')).toHaveLength(0);
    expect([...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10))).toEqual(['2027-03-26']);
  });
});

describe('a file whose `when` the time language had to guess at', () => {
  it('says the guess in the plan (text and --json) and as it is applied, and not again once applied', async () => {
    writeFileSync(join(dir, 'four.md'), `---\nagent: ${AGENT}\nwhen: every weekday at 4\ntimezone: America/New_York\n---\nFour\n`);
    const note = "read '4' as 16:00; write '4 am' or 04:00 for the morning";
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`+ create    four.md  (1 schedule)\n    when every weekday at 4 (America/New_York)\n    cron 0 21 * * 1-5 (UTC)\n    note: ${note}\n`);
    const json = JSON.parse((await h.run(['plan', '-f', dir, '--json'])).stdout) as { changes: Array<{ file: string; notes?: string[] }> };
    expect(json.changes.find((c) => c.file === 'four.md')!.notes).toEqual([note]);
    expect(json.changes.find((c) => c.file === 'keep.md')!.notes).toBeUndefined();
    const applied = await h.run(['apply', '-f', dir]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain(`Note: four.md: ${note}\n`);
    expect(h.letta.requests('POST').map((r) => (r.body as { schedule: { cron_expression?: string } }).schedule.cron_expression)).toContain('0 21 * * 1-5');
    const again = await h.run(['plan', '-f', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).not.toContain('note');
  });
});

describe('a series file whose end is said relative to the day it is read', () => {
  const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
  const instants = () =>
    [...h.letta.schedules.values()]
      .filter((s) => s.schedule.type === 'one-time')
      .map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10))
      .sort();
  const MONDAY = '2027-03-01T12:00:00Z';

  it('ends as `when` says (`until friday`, `for 3 weeks`, `5 times`), and not later once those days have passed', async () => {
    rmSync(join(dir, 'keep.md'));
    rmSync(join(dir, 'drop.md'));
    writeFileSync(join(dir, 'week.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am until friday\ntimezone: UTC\n---\nWeek\n`);
    writeFileSync(join(dir, 'three.md'), `---\nagent: ${AGENT}\nwhen: every wednesday at 10am for 3 weeks\ntimezone: UTC\n---\nThree\n`);
    writeFileSync(join(dir, 'five.md'), `---\nagent: ${AGENT}\nwhen: every day at 8am 5 times\ntimezone: UTC\n---\nFive\n`);
    const applied = await at(MONDAY, ['apply', '-f', dir]);
    expect(applied.code, applied.stderr).toBe(0);
    const made = ['2027-03-02', '2027-03-02', '2027-03-03', '2027-03-03', '2027-03-03', '2027-03-04', '2027-03-04', '2027-03-05', '2027-03-05', '2027-03-06', '2027-03-10', '2027-03-17'];
    expect(instants()).toEqual(made);
    for (const later of ['2027-03-07T12:00:00Z', '2027-03-15T12:00:00Z', '2027-04-01T12:00:00Z']) {
      const plan = await at(later, ['plan', '-f', dir]);
      expect(plan.stdout).not.toMatch(/^[+~-] /m);
      expect(plan.code, plan.stdout).toBe(0);
    }
  });

  it('with `until: friday` keeps the Friday of the day it was first applied', async () => {
    writeFileSync(join(dir, 'fri.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am\ntimezone: UTC\nuntil: friday\n---\nFri\n`);
    expect((await at(MONDAY, ['apply', '-f', dir])).code).toBe(0);
    const plan = await at('2027-03-08T12:00:00Z', ['plan', '-f', dir]);
    expect(plan.stdout).not.toContain('top-up');
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('refuses an end or count given both in `when` and in its own line, when they differ, at that line', async () => {
    writeFileSync(join(dir, 'both.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am until friday\ntimezone: UTC\nuntil: saturday\n---\nBoth\n`);
    writeFileSync(join(dir, 'count.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am 5 times\ntimezone: UTC\ncount: 3\n---\nCount\n`);
    writeFileSync(join(dir, 'never.md'), `---\nagent: ${AGENT}\nwhen: every day at 9am forever\ntimezone: UTC\ncount: 3\n---\nNever\n`);
    const plan = await at(MONDAY, ['plan', '-f', dir]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain(`${dir}/both.md:5: until: 'saturday' is 2027-03-06T23:59:59.999Z, but when: 'every day at 9am until friday' ends 2027-03-05T23:59:59.999Z; give the end once`);
    expect(plan.stderr).toContain(`${dir}/count.md:5: count: 3, but when: 'every day at 9am 5 times' says 5 times; give the count once`);
    expect(plan.stderr).toContain(`${dir}/never.md:5: count: 3 gives an end, but when: 'every day at 9am forever' says it has none ('forever'); give one or the other`);
  });
});

describe('a series made here, written as a file by hand (no lock file entry) and applied', () => {
  it("takes the members found on Letta, and the member it makes is the series' own: sync does not make it again", async () => {
    const at = (args: string[]) => h.run(['--now', '2027-03-20T00:00:00Z', ...args]);
    const made = await h.run(['--now', '2027-03-01T00:00:00Z', 'recurring', 'create', '--agent-id', AGENT, '--message', 'Pay day', '--cron', 'last friday of every month at 5pm', '--tz', 'UTC']);
    expect(made.code, made.stderr).toBe(0);
    rmSync(join(dir, 'keep.md'));
    rmSync(join(dir, 'drop.md'));
    writeFileSync(join(dir, 'pay.md'), `---\nagent: ${AGENT}\nwhen: last friday of every month at 5pm\ntimezone: UTC\n---\nPay day\n`);
    const applied = await at(['apply', '-f', dir]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^\+ pay\.md: created sm-\S+; found sm-\S+\n/);
    const instants = () => [...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10)).sort();
    expect((await at(['sync'])).code).toBe(0);
    expect(instants()).toEqual(['2027-03-26', '2027-04-30']);
    expect((await h.run(['--now', '2027-04-20T00:00:00Z', 'sync'])).code).toBe(0);
    expect((await h.run(['--now', '2027-04-20T00:00:00Z', 'apply', '-f', dir])).code).toBe(0);
    expect(instants()).toEqual(['2027-03-26', '2027-04-30', '2027-05-28']);
  });
});

describe('a series made here, its next member cut off mid-create by apply or by sync', () => {
  const at = (time: string, args: string[]) => {
    h.letta.now = () => Date.parse(time);
    return h.run(['--now', time, ...args]);
  };
  const members = () => [...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10)).sort();
  const LATER = '2027-02-06T12:00:00Z';
  const made = ['2027-01-04', '2027-02-01', '2027-03-01', '2027-04-05'];

  async function exported(): Promise<void> {
    rmSync(join(dir, 'keep.md'));
    rmSync(join(dir, 'drop.md'));
    const created = await at('2027-01-04T00:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Rent', '--cron', 'first monday of every month at 9am', '--tz', 'UTC']);
    expect(created.code, created.stderr).toBe(0);
    expect((await at('2027-01-04T00:00:00Z', ['export', '-f', dir, '--agent-id', AGENT])).code).toBe(0);
  }

  for (const [first, then] of [
    ['apply', 'sync'],
    ['sync', 'apply'],
  ] as const) {
    it(`${first} loses the answer of the member it made, ${then} runs, then both again: the member is made once`, async () => {
      await exported();
      h.letta.inject(/^POST /, { reset: true, land: true });
      const cut = await at(LATER, first === 'apply' ? ['apply', '-f', dir] : ['sync']);
      expect(cut.code, cut.stderr).toBe(5);
      expect(members()).toEqual(made);
      for (const step of [then, first, then, first]) {
        const r = await at(LATER, step === 'apply' ? ['apply', '-f', dir] : ['sync']);
        expect(r.code, r.stderr).toBe(0);
        expect(members()).toEqual(made);
      }
      expect((await at(LATER, ['apply', '-f', dir])).stderr).toContain('Nothing to change');
      expect((await at(LATER, ['sync'])).stderr).toContain('Nothing to change');
      expect((await at(LATER, ['recurring', 'list', '--agent-id', AGENT])).stdout).toContain('(2 waiting)');
    });
  }
});

describe("a series made here, exported, a member deleted, then its file's end changed", () => {
  const at = (time: string, args: string[]) => {
    h.letta.now = () => Date.parse(time);
    return h.run(['--now', time, ...args]);
  };
  const members = () => [...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString().slice(0, 10)).sort();

  for (const [end, last] of [
    ['count: 3', '2027-04-05'],
    ['until: 2027-04-20', '2027-04-05'],
    ['count: 2', '2027-03-01'],
  ] as const) {
    it(`(${end}) keeps the deleted member out, and sync and apply both stop at the file's end`, async () => {
      rmSync(join(dir, 'keep.md'));
      rmSync(join(dir, 'drop.md'));
      const start = '2027-01-04T00:00:00Z';
      expect((await at(start, ['recurring', 'create', '--agent-id', AGENT, '--message', 'Rent', '--cron', 'first monday of every month at 9am', '--tz', 'UTC'])).code).toBe(0);
      expect((await at(start, ['export', '-f', dir, '--agent-id', AGENT])).code).toBe(0);
      const second = [...h.letta.schedules.values()].find((s) => new Date(s.schedule.scheduled_at!).toISOString().startsWith('2027-02-01'))!;
      expect((await at('2027-01-10T00:00:00Z', ['onetime', 'delete', second.id, '--agent-id', AGENT])).code).toBe(0);
      const file = join(dir, 'rent.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^timezone:/m, `${end}\ntimezone:`));
      for (let i = 0; i < 2; i++) {
        const applied = await at('2027-01-10T00:00:00Z', ['apply', '-f', dir]);
        expect(applied.code, applied.stderr).toBe(0);
        expect(members()).toEqual(['2027-01-04', '2027-03-01']);
      }
      for (const day of ['2027-02-06', '2027-03-07', '2027-04-10', '2027-05-10', '2027-06-10']) {
        expect((await at(`${day}T00:00:00Z`, ['sync'])).code).toBe(0);
        const applied = await at(`${day}T01:00:00Z`, ['apply', '-f', dir]);
        expect(applied.code, applied.stderr).toBe(0);
        expect(applied.stderr).toContain('Nothing to change');
      }
      expect(members()).toEqual(['2027-01-04', '2027-03-01', '2027-04-05'].filter((day) => day <= last));
    });
  }
});

describe('a series made here with its end in the phrase, written as a file by hand and applied days later', () => {
  it('takes the series as made: no member past its end is made, then or on later days', async () => {
    const at = (time: string, args: string[]) => {
      h.letta.now = () => Date.parse(time);
      return h.run(['--now', time, ...args]);
    };
    rmSync(join(dir, 'keep.md'));
    rmSync(join(dir, 'drop.md'));
    const made = '2027-03-01T12:00:00Z';
    const phrases = { 'three.md': 'every wednesday at 10am for 3 weeks', 'five.md': 'every day at 8am 5 times', 'week.md': 'every day at 9am until friday' };
    for (const [name, when] of Object.entries(phrases)) {
      expect((await at(made, ['recurring', 'create', '--agent-id', AGENT, '--message', name, '--cron', when, '--tz', 'UTC'])).code).toBe(0);
      writeFileSync(join(dir, name), `---\nagent: ${AGENT}\nwhen: ${when}\ntimezone: UTC\n---\n${name}\n`);
    }
    const before = [...h.letta.schedules.keys()].sort();
    const applied = await at('2027-03-04T12:00:00Z', ['apply', '-f', dir]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).not.toContain('created');
    for (const later of ['2027-03-06T12:00:00Z', '2027-03-13T12:00:00Z', '2027-03-20T12:00:00Z']) {
      expect((await at(later, ['sync'])).code).toBe(0);
      const plan = await at(later, ['plan', '-f', dir]);
      expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    }
    expect([...h.letta.schedules.keys()].sort()).toEqual(before);
  });
});

describe('a series file whose end in `when` leaves no run after a later day', () => {
  it('is kept as first read on that day (`until friday` on a Friday afternoon, `until march 10` after it), not refused', async () => {
    const at = (time: string, args: string[]) => {
      h.letta.now = () => Date.parse(time);
      return h.run(['--now', time, ...args]);
    };
    rmSync(join(dir, 'keep.md'));
    rmSync(join(dir, 'drop.md'));
    const phrases = [
      'every day at 9am until friday',
      'every weekday at 4pm until fri',
      'every day at noon until march 10',
      'every monday and friday at 8am until march 12',
      'every day at 9am until tomorrow',
    ];
    phrases.forEach((when, i) => writeFileSync(join(dir, `f${i}.md`), `---\nagent: ${AGENT}\nwhen: ${when}\ntimezone: UTC\n---\nM${i}\n`));
    expect((await at('2027-03-01T07:00:00Z', ['apply', '-f', dir])).code).toBe(0);
    const made = [...h.letta.schedules.keys()].sort();
    for (const later of ['2027-03-02T12:00:00Z', '2027-03-05T17:00:00Z', '2027-03-11T12:00:00Z', '2027-03-12T12:00:00Z', '2027-04-13T12:00:00Z']) {
      const applied = await at(later, ['apply', '-f', dir]);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stderr).toContain('Nothing to change (5 files checked).');
    }
    expect([...h.letta.schedules.keys()].sort()).toEqual(made);
  });
});

describe('a series made here whose fired member Letta still lists, that member in a file of its own (as an earlier export wrote it)', () => {
  it("stays that file's alone when the series file is changed and applied: the lock file stays valid", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
    const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
    const START = '2027-03-01T12:00:00Z';
    const LATER = '2027-03-10T12:00:00Z';
    const made = await at(START, ['recurring', 'create', '--agent-id', AGENT, '--message', 'Weekly', '--cron', 'every monday at 10am for 3 weeks', '--tz', 'UTC']);
    expect(made.code, made.stderr).toBe(0);
    expect((await at(LATER, ['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    // The fired member (8 March), still listed, in a file of its own, as exports before this release wrote it.
    const fired = [...h.letta.schedules.values()].find((s) => s.schedule.scheduled_at === Date.parse('2027-03-08T10:00:00Z'))!.id;
    const lockPath = join(folder, 'letta-schedules.lock.json');
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
    const entries = Object.values(lock.servers)[0]!;
    for (const entry of Object.values(entries)) entry.ids = entry.ids.filter((id) => id !== fired);
    entries['weekly-2.md'] = { agent_id: AGENT, when: '2027-03-08T10:00:00.000Z', timezone: 'UTC', at: Date.parse('2027-03-08T10:00:00Z'), ids: [fired] } as never;
    writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    writeFileSync(join(folder, 'weekly-2.md'), `---\nagent: ${AGENT}\nwhen: "2027-03-08T10:00:00.000Z"\ntimezone: UTC\n---\nWeekly\n`);
    const file = join(folder, 'weekly.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^when: .*$/m, 'when: every day at 9am and 5pm')
        .replace(/^until: .*\n/m, ''),
    );
    const applied = await at(LATER, ['apply', '-f', folder]);
    expect(applied.code, applied.stderr).toBe(0);
    const after = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof lock;
    const owners = Object.entries(Object.values(after.servers)[0]!)
      .filter(([, entry]) => entry.ids.includes(fired))
      .map(([name]) => name);
    expect(owners).toEqual(['weekly-2.md']);
    const plan = await at(LATER, ['plan', '-f', folder]);
    expect(plan.stderr).not.toContain('gives');
    expect(plan.code, plan.stderr).toBe(0);
  });
});

describe('export of a series made here, later in its life', () => {
  const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
  const folder = () => join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
  const files = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md'));

  it('writes one file for it, fired members Letta still lists and all, and plans no change', async () => {
    for (const [phrase, later] of [
      ['every monday at 10am for 3 weeks', '2027-03-10T12:00:00Z'],
      ['every day at 8am 5 times', '2027-03-04T12:00:00Z'],
      ['every monday at 10am for 3 weeks', '2027-04-01T12:00:00Z'],
    ] as const) {
      h.letta.schedules.clear();
      const dir = folder();
      const made = await at('2027-03-01T12:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Series', '--cron', phrase, '--tz', 'UTC']);
      expect(made.code, made.stderr).toBe(0);
      const exported = await at(later, ['export', '--agent-id', AGENT, '-f', dir]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(files(dir), `${phrase} at ${later}`).toEqual(['series.md']);
      expect(readFileSync(join(dir, 'series.md'), 'utf8')).toContain(`when: ${phrase}\n`);
      const plan = await at(later, ['plan', '-f', dir]);
      expect(plan.code, plan.stdout).toBe(0);
      expect((await at(later, ['recurring', 'delete', made.stdout.trim().split('\n')[0]!])).code).toBe(0);
    }
  });

  it('exported again after sync made its next members, is still one file, and apply makes none of them twice', async () => {
    const dir = folder();
    expect((await at('2027-03-01T12:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Series', '--cron', 'every 3 days', '--tz', 'UTC'])).code).toBe(0);
    expect((await at('2027-03-01T12:00:00Z', ['export', '--agent-id', AGENT, '-f', dir])).code).toBe(0);
    const later = '2027-04-15T12:00:00Z';
    const sync = await at(later, ['sync']);
    expect(sync.stdout + sync.stderr).toContain('created');
    const again = await at(later, ['export', '--agent-id', AGENT, '-f', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(files(dir)).toEqual(['series.md']);
    const plan = await at(later, ['plan', '-f', dir]);
    expect(plan.code, plan.stdout).toBe(0);
    expect((await at(later, ['apply', '-f', dir])).code).toBe(0);
    const instants = [...h.letta.schedules.values()].map((s) => s.schedule.scheduled_at);
    expect(new Set(instants).size).toBe(instants.length);
  });
});

describe('export of one schedule of a set made here, its set no longer whole', () => {
  it('says its own local time in its zone, so apply after a DST change keeps it there, as sync does', async () => {
    const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
    const BEFORE = '2027-03-01T12:00:00Z';
    const AFTER = '2027-04-05T12:00:00Z';
    for (const [phrase, zone, gone, local] of [
      ['weekdays at 9am and weekends at 11am', 'America/New_York', 1, '09:00'],
      ['every monday at 8:15am and every friday at 4pm', 'Europe/Berlin', 0, '16:00'],
    ] as const) {
      h.letta.schedules.clear();
      const dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
      const made = await at(BEFORE, ['recurring', 'create', '--agent-id', AGENT, '--message', 'Half', '--cron', phrase, '--tz', zone, '--json']);
      expect(made.code, made.stderr).toBe(0);
      const { schedules } = JSON.parse(made.stdout) as { schedules: Array<{ id: string }> };
      // One of the set deleted outside letta-switchboard, and sync has seen it go.
      h.letta.schedules.delete(schedules[gone]!.id);
      expect((await at(BEFORE, ['sync'])).code).toBe(0);
      expect((await at(BEFORE, ['export', '--agent-id', AGENT, '-f', dir])).code).toBe(0);
      const text = readFileSync(join(dir, 'half.md'), 'utf8');
      expect(text, phrase).toContain(`timezone: ${zone}\n`);
      const left = [...h.letta.schedules.values()][0]!;
      // After the clocks change, apply (and not sync) brings it to its local time, and keeps it there.
      const applied = await at(AFTER, ['apply', '-f', dir]);
      expect(applied.code, applied.stderr).toBe(0);
      const [now] = [...h.letta.schedules.values()];
      expect(h.letta.schedules.size).toBe(1);
      const cron = now!.schedule.cron_expression!.split(' ');
      const hour = Number(cron[1]);
      const wall = new Date(Date.UTC(2027, 3, 5, hour, Number(cron[0]))).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
      expect(wall, `${phrase}: ${left.schedule.cron_expression} → ${now!.schedule.cron_expression}`).toBe(local);
      const plan = await at(AFTER, ['plan', '-f', dir]);
      expect(plan.code, plan.stdout).toBe(0);
    }
  });
});

describe('export of a set made here, between a DST change and the sync after it', () => {
  it('is one file with its phrase, which apply then brings to its local time, replacing each schedule once', async () => {
    const at = (when: string, args: string[]) => h.run(['--now', when, ...args]);
    for (const [phrase, zone, after, crons] of [
      ['every 30 minutes from 9am to 5pm on weekdays', 'America/New_York', '2027-03-16T12:00:00Z', ['*/30 13-20 * * 1-5', '0 21 * * 1-5']],
      ['weekdays at 9am and weekends at 11am', 'America/New_York', '2027-03-16T12:00:00Z', ['0 13 * * 1-5', '0 15 * * 0,6']],
      ['every day at 9:00 and 17:30', 'Europe/London', '2027-03-30T12:00:00Z', ['0 8 * * *', '30 16 * * *']],
    ] as const) {
      h.letta.schedules.clear();
      const dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-unit-')), 'letta-schedules');
      const made = await at('2027-03-01T12:00:00Z', ['recurring', 'create', '--agent-id', AGENT, '--message', 'Pair', '--cron', phrase, '--tz', zone]);
      expect(made.code, made.stderr).toBe(0);
      const exported = await at(after, ['export', '--agent-id', AGENT, '-f', dir]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(
        readdirSync(dir).filter((name) => name.endsWith('.md')),
        phrase,
      ).toEqual(['pair.md']);
      expect(readFileSync(join(dir, 'pair.md'), 'utf8')).toContain(`timezone: ${zone}\n`);
      const applied = await at(after, ['apply', '-f', dir]);
      expect(applied.code, applied.stderr).toBe(0);
      expect([...h.letta.schedules.values()].map((s) => s.schedule.cron_expression).sort(), phrase).toEqual([...crons].sort());
      const plan = await at(after, ['plan', '-f', dir]);
      expect(plan.code, plan.stdout).toBe(0);
    }
  });
});

describe('an id apply replaced', () => {
  it('get and pause of a recorded schedule a changed file replaced name the schedule that replaced it', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 7am', '--tz', 'UTC', '-q']);
    const oldId = made.stdout.trim();
    const folder = join(dir, 'exported');
    expect((await h.run(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const file = readdirSync(folder).find((name) => name.endsWith('.md'))!;
    writeFileSync(join(folder, file), readFileSync(join(folder, file), 'utf8').replace('every day at 7am', 'every day at 8am'));
    expect((await h.run(['apply', '-f', folder, '--yes'])).code).toBe(0);
    const newId = [...h.letta.schedules.keys()].find((id) => id !== oldId)!;
    const got = await h.run(['recurring', 'get', oldId, '-q']);
    expect([got.code, got.stdout]).toEqual([0, `${newId}\n`]);
    expect(got.stderr).toContain(`${oldId} was replaced by ${newId}`);
    const paused = await h.run(['recurring', 'pause', oldId]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stderr).toContain(`${oldId} was replaced by ${newId}; acting on ${newId}.`);
  });
});

describe('plan after an apply cut short', () => {
  it('a replacement whose old schedule is still there is said plainly: old → new, and a note that apply deletes the old', async () => {
    rmSync(join(dir, 'drop.md'));
    const old = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Old text');
    const made = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Keep');
    const entry = { agent_id: AGENT, when: '0 9 * * *', timezone: 'UTC', ids: [made.id], retiring: [{ agent_id: AGENT, id: old.id }] };
    writeFileSync(join(dir, 'letta-schedules.lock.json'), JSON.stringify({ version: 1, servers: { [h.letta.url]: { 'keep.md': entry } } }));
    const plan = await h.run(['plan', '-f', dir]);
    expect(plan.code).toBe(6);
    expect(plan.stdout).not.toContain('0 9 * * *, 0 9 * * *');
    expect(plan.stdout).toContain('message: "Old text" → "Keep"');
    expect(plan.stdout).toContain(`note: a replacement cut short: the old schedule ${old.id} still on Letta, the new one ${made.id} made; apply deletes the old`);
    const applied = await h.run(['apply', '-f', dir]);
    expect(applied.code).toBe(0);
    expect(h.letta.requests('DELETE').map((r) => r.path.split('/').at(-1))).toEqual([old.id]);
  });
});

describe('sync after an apply whose delete was cut short', () => {
  it('records the old schedule deleted by letta-switchboard, not deleted outside it', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 7am', '--tz', 'UTC', '-q']);
    const oldId = made.stdout.trim();
    const folder = join(dir, 'exported');
    expect((await h.run(['export', '--agent-id', AGENT, '-f', folder])).code).toBe(0);
    const file = readdirSync(folder).find((name) => name.endsWith('.md'))!;
    writeFileSync(join(folder, file), readFileSync(join(folder, file), 'utf8').replace('every day at 7am', 'every day at 8am'));
    // The delete is done on the server each time, and its answer never comes back.
    h.letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true, land: true }, { reset: true, land: true });
    const applied = await h.run(['apply', '-f', folder, '--yes']);
    expect(applied.code).not.toBe(0);
    expect(h.letta.schedules.has(oldId)).toBe(false);
    const synced = await h.run(['sync']);
    expect(synced.stderr + synced.stdout).not.toContain('deleted outside letta-switchboard');
    expect(synced.stderr + synced.stdout).toContain(`${oldId} is no longer on Letta: a delete of it by letta-switchboard`);
  });
});

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli, runShell } from '../helpers/run-cli';
import { hasShell, openShell } from '../helpers/pty-shell';
import { useSchedulesFolder } from '../helpers/schedules-folder';
import { AGENT, NOW } from '../helpers/suite';

const suite = useSchedulesFolder();
let letta: FakeLetta;
let dir: string;
beforeEach(() => ({ letta, dir } = suite));

const cli = suite.cli;
const changing = () => letta.received.filter((r) => r.method === 'POST' || r.method === 'DELETE');
const untilLine = (name: string) => readFileSync(join(dir, name), 'utf8').match(/^until: (.*)$/m)?.[1];

/** export → plan (no change) → apply (nothing sent). */
async function roundTrips(): Promise<void> {
  const plan = await cli('plan', '-f', dir);
  expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete');
  expect(plan.code).toBe(0);
  letta.received.length = 0;
  const applied = await cli('apply', '-f', dir);
  expect(applied.code).toBe(0);
  expect(applied.stderr).toContain('Nothing to change');
  expect(changing()).toEqual([]);
}

describe('export writes a series end as it would be written', () => {
  it('a day, or a minute on the clock, in the zone of the file, as made by a command', async () => {
    for (const [message, until, zone] of [
      ['Day', '2027-01-31', 'Asia/Tokyo'],
      ['Minute', '2027-01-31 18:30', 'America/New_York'],
      ['Second', '2027-01-31T12:00:30Z', 'Europe/Paris'],
    ] as const) {
      const made = await cli('recurring', 'create', '--agent-id', AGENT, '--message', message, '--cron', 'every day at 9am', '--until', until, '--tz', zone);
      expect(made.code).toBe(0);
    }
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    expect(untilLine('day.md')).toBe('2027-01-31');
    expect(untilLine('minute.md')).toBe('"2027-01-31 18:30"');
    // No day or minute on the clock says it: the instant, as it is.
    expect(untilLine('second.md')).toBe('"2027-01-31T12:00:30.000Z"');
    await roundTrips();
  });

  it('an end said relative to a day in a file is exported as its date, and the series stays as it stands', async () => {
    writeFileSync(join(dir, 'weekly.md'), `---\nagent: ${AGENT}\nwhen: every monday at 9am\ntimezone: Europe/Paris\nuntil: feb 28\ncount: 5\n---\nWeekly\n`);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const exported = await cli('export', '--agent-id', AGENT, '-f', dir, '--force');
    expect(exported.code).toBe(0);
    expect(untilLine('weekly.md')).toBe('2027-02-28');
    await roundTrips();
  });
});

describe('a file copied under a new name', () => {
  it('plan and apply name the file it makes the same schedule as, and apply makes both', async () => {
    const text = `---\nagent: ${AGENT}\nwhen: every weekday at 9am\ntimezone: America/New_York\n---\nCheck the queue\n`;
    writeFileSync(join(dir, 'queue.md'), text);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    writeFileSync(join(dir, 'queue-copy.md'), text);
    // Another message at the same time is not the same schedule.
    writeFileSync(join(dir, 'other.md'), text.replace('Check the queue', 'Check the inbox'));
    const said = 'makes the same schedule as queue.md: both would run; remove the files not meant';

    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`+ create    queue-copy.md  (1 schedule)\n    when every weekday at 9am (America/New_York)\n    cron 0 14 * * 1-5 (UTC)\n    note: ${said}\n`);
    expect(plan.stdout.match(/note:/g)).toHaveLength(1);
    const json = JSON.parse((await cli('plan', '-f', dir, '--json')).stdout) as { changes: Array<{ file: string; notes?: string[] }> };
    expect(json.changes.map((c) => [c.file, c.notes])).toEqual([
      ['other.md', undefined],
      ['queue-copy.md', [said]],
    ]);

    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain(`Note: queue-copy.md: ${said}\n`);
    expect(letta.requests('POST')).toHaveLength(3);
    // Exported again, each file keeps its own schedule; plan and apply then have nothing to say or do.
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).stderr).toContain('Wrote 0 files (3 already as written, left as they are)');
    await roundTrips();
    expect((await cli('plan', '-f', dir)).stdout).not.toContain('note:');
  });

  it('three alike files made at once: said once, by the first-named', async () => {
    const text = `---\nagent: ${AGENT}\nwhen: every day at noon\ntimezone: UTC\n---\nLunch\n`;
    for (const name of ['a.md', 'b.md', 'c.md']) writeFileSync(join(dir, name), text);
    const json = JSON.parse((await cli('plan', '-f', dir, '--json')).stdout) as { changes: Array<{ file: string; notes?: string[] }> };
    expect(json.changes.map((c) => [c.file, c.notes])).toEqual([
      ['a.md', ['makes the same schedule as b.md, c.md: all would run; remove the files not meant']],
      ['b.md', undefined],
      ['c.md', undefined],
    ]);
  });
});

describe('asked on a terminal before deleting', () => {
  it.skipIf(!hasShell('bash'))('answering no is an answer, not an error: the rest is applied, what was kept is said plainly, exit 0', async () => {
    const front = (when: string) => `---\nagent: ${AGENT}\nwhen: ${when}\ntimezone: UTC\n---\n`;
    writeFileSync(join(dir, 'digest.md'), `${front('every friday at 6pm')}Weekly digest\n`);
    writeFileSync(join(dir, 'standup.md'), `${front('every weekday at 9am')}Standup\n`);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const [digest] = [...letta.schedules.values()].filter((s) => s.schedule.cron_expression === '0 18 * * 5').map((s) => s.id);
    rmSync(join(dir, 'digest.md'));
    writeFileSync(join(dir, 'standup.md'), `${front('every weekday at 10am')}Standup\n`);
    letta.received.length = 0;

    const session = await openShell('bash', suite.env);
    try {
      const asked = await session.type(`letta-switchboard --now ${NOW} apply -f '${dir}'; echo "EXIT=$?"\r`, /\[y\/N\] $/m);
      expect(asked).toContain('Delete 1 schedule of 1 removed file (digest.md)? [y/N] ');
      const answered = await session.type('n\r', /^EXIT=\d+$/m);
      expect(answered).toMatch(/^EXIT=0$/m);
      expect(answered).toContain('Not deleted, as answered: 1 schedule of 1 removed file (digest.md). The next apply asks again; restore the files to keep them.');
      expect(answered).not.toContain('Error');
      // Under --json, the answer is in the document.
      const document = join(dir, '..', 'applied.json');
      await session.type(`letta-switchboard --now ${NOW} apply -f '${dir}' --json >'${document}'; echo "EXIT=$?"\r`, /\[y\/N\] $/m);
      expect(await session.type('n\r', /^EXIT=\d+$/m)).toMatch(/^EXIT=0$/m);
      expect(JSON.parse(readFileSync(document, 'utf8'))).toMatchObject({ applied: [], declined: '1 schedule of 1 removed file (digest.md)' });
    } finally {
      await session.close();
    }
    expect(letta.requests('DELETE').map((r) => r.path.split('/').at(-1))).not.toContain(digest);
    expect(letta.requests('POST').map((r) => (r.body as { schedule: unknown }).schedule)).toEqual([{ type: 'recurring', cron_expression: '0 10 * * 1-5' }]);
    expect(letta.schedules.has(digest!)).toBe(true);

    // Without a terminal there is no one to answer: still refused, exit 2, until --yes.
    const piped = await runShell(`letta-switchboard --now ${NOW} apply -f '${dir}' </dev/null | cat`, { env: suite.env });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('Error: Not deleted: 1 schedule of 1 removed file (digest.md): pass --yes to delete them');
  });
});

describe('apply --now', () => {
  it('applies what plan --now shows, and an apply at the time it is moves it back', async () => {
    writeFileSync(join(dir, 'standup.md'), `---\nagent: ${AGENT}\nwhen: every weekday at 9am\ntimezone: America/New_York\n---\nStandup\n`);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const spring = '2027-03-15T12:00:00Z';
    const planned = await runCli(['--now', spring, 'plan', '-f', dir], { env: suite.env });
    expect(planned.stdout).toContain('    cron: 0 14 * * 1-5 → 0 13 * * 1-5 (UTC)');
    letta.received.length = 0;
    expect((await runCli(['--now', spring, 'apply', '-f', dir], { env: suite.env })).code).toBe(0);
    expect(letta.requests('POST').map((r) => (r.body as { schedule: unknown }).schedule)).toEqual([{ type: 'recurring', cron_expression: '0 13 * * 1-5' }]);
    const back = await cli('plan', '-f', dir);
    expect(back.code).toBe(6);
    expect(back.stdout).toContain('    cron: 0 13 * * 1-5 → 0 14 * * 1-5 (UTC)');
  });
});

describe('a folder inside the folder', () => {
  it('is named on every run, with how to keep it unread and unsaid: a leading dot', async () => {
    const text = `---\nagent: ${AGENT}\nwhen: every day at noon\ntimezone: UTC\n---\nLunch\n`;
    writeFileSync(join(dir, 'lunch.md'), text);
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'lunch.md'), text);
    const said = `Note: ${dir}/old/ holds .md files that are not read: schedule files go directly in ${dir}/ (or give that folder with -f ${dir}/old); to keep it unread and unsaid, name it .old/`;
    const notes = (r: { stderr: string }) => r.stderr.split('\n').filter((line) => line.startsWith('Note:'));
    expect(notes(await cli('apply', '-f', dir))).toEqual([said]);
    expect(notes(await cli('plan', '-f', dir))).toEqual([said]);
    renameSync(join(dir, 'old'), join(dir, '.old'));
    expect(notes(await cli('plan', '-f', dir))).toEqual([]);
    await roundTrips();
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { useSchedulesFolder } from '../helpers/schedules-folder';
import { AGENT } from '../helpers/suite';

// Schedule files as a person edits them by hand: what plan and apply tell them.
const folder = useSchedulesFolder();
let letta: FakeLetta;
let dir: string;
beforeEach(() => ({ letta, dir } = folder));

const cli = folder.cli;
const file = (name: string, front: string, message: string) => writeFileSync(join(dir, name), `---\n${front}\n---\n${message}\n`);

describe('a refused field in a file', () => {
  it('says what works under the error, as the same refusal does on the command line', async () => {
    file('zone.md', `agent: ${AGENT}\nwhen: every day at 9am\ntimezone: Europe/Parris`, 'Near zone');
    file('phrase.md', `agent: ${AGENT}\nwhen: every blue moon\ntimezone: UTC`, 'Not understood');
    file('agent.md', 'agent: nobody-bot\nwhen: every day at 9am\ntimezone: UTC', 'Unknown agent');
    file('good.md', `agent: ${AGENT}\nwhen: every monday at 9am\ntimezone: UTC`, 'Good one');

    // What the same zone and phrase say on the command line, so the file says the same, whatever the words.
    const zoneHint = (await cli('parse', 'every day at 9am', '--tz', 'Europe/Parris')).stderr.split('\n')[1]!;
    const phraseHint = (await cli('parse', 'every blue moon')).stderr.split('\n')[1]!;
    expect(zoneHint).toBe("Did you mean 'Europe/Paris'?");
    expect(phraseHint).toMatch(/^Try '/);

    for (const command of ['plan', 'apply']) {
      const r = await cli(command, '-f', dir);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n');
      const under = (error: string) => lines[lines.findIndex((line) => line.startsWith(`Error: ${dir}/${error}`)) + 1];
      expect(under("zone.md:4: timezone: Unknown time zone 'Europe/Parris'")).toBe(`  ${zoneHint}`);
      expect(under("phrase.md:3: when: 'every blue moon': did not understand")).toBe(`  ${phraseHint}`);
      expect(under("agent.md:2: agent: No agent named 'nobody-bot'")).toBe('  List your agents with: letta-switchboard agents list');
    }

    const json = await cli('plan', '-f', dir, '--json');
    expect(json.code).toBe(2);
    const errors = (JSON.parse(json.stdout) as { errors: Array<{ file: string; hint?: string }> }).errors;
    expect(errors.map((e) => [e.file.slice(dir.length + 1), e.hint])).toEqual([
      ['agent.md', 'List your agents with: letta-switchboard agents list'],
      ['phrase.md', phraseHint],
      ['zone.md', zoneHint],
    ]);
  });

  it('gives no hint line where the refusal has none to give', async () => {
    file('key.md', `agent: ${AGENT}\nwhen: every day at 9am\ntimezone: UTC\ncolour: red`, 'Unknown key');
    const r = await cli('plan', '-f', dir, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((line) => line !== '')).toEqual([
      `Error: ${dir}/key.md:5: unknown key 'colour'; known keys: agent, when, timezone, role, until, count, max_steps, callback_url, include_return_message_types`,
    ]);
    expect((JSON.parse(r.stdout) as { errors: object[] }).errors).toEqual([{ file: `${dir}/key.md`, line: 5, message: expect.any(String) }]);
  });
});

describe('an owned schedule changed outside the folder', () => {
  it('names the unowned one at the same time that would run beside the one apply makes again', async () => {
    file('queue.md', `agent: ${AGENT}\nwhen: every weekday at 10am\ntimezone: America/New_York`, 'Check the queue');
    file('other.md', `agent: ${AGENT}\nwhen: every day at 7am\ntimezone: UTC`, 'Morning');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const [queue] = [...letta.schedules.values()].filter((s) => JSON.stringify(s.message).includes('"Check the queue"'));
    // As `recurring edit` does on a machine that has no record of this folder: a new schedule, the old one deleted.
    letta.schedules.delete(queue!.id);
    const edited = letta.addSchedule(AGENT, queue!.schedule, 'Check the queue twice');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Another time');

    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    const notes = plan.stdout.split('\n').filter((line) => line.trim().startsWith('note:'));
    expect(notes).toEqual([
      `    note: its schedule ${queue!.id} is no longer on Letta (deleted outside this folder): apply makes it again; remove the file to keep it deleted`,
      `    note: ${edited.id}, owned by no file, runs at the same time for this agent with other fields (changed outside this folder?): apply leaves it, so both would run; delete it if it replaced this file's schedule`,
    ]);
    const json = JSON.parse((await cli('plan', '-f', dir, '--json')).stdout) as { changes: Array<{ file: string; notes?: string[] }> };
    expect(json.changes.map((c) => [c.file, c.notes?.length])).toEqual([['queue.md', 2]]);
  });
});

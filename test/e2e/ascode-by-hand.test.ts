import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

// Schedule files as a person edits them by hand: what plan and apply tell them.
const suite = useFakeLetta({ defaultAgent: false });
let env: Record<string, string>;
let dir: string;
beforeEach(() => {
  ({ env } = suite);
  dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-hand-')), 'letta-schedules');
  mkdirSync(dir);
});

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
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

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Help } from '@commander-js/extra-typings';
import { COMMANDS } from '../../src/commands/registry';
import { SUMMARIES, type TopLevel } from '../../src/commands/summaries';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCommand, ROOT } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

/**
 * Every registered command, run through what ships: the built file and the
 * standalone binary. Paths that run only in-process elsewhere (a lazy import,
 * a file write) fail here first. The scenarios are keyed by command path, and
 * a test checks that every command in the registry and every option it shows
 * in its help appears in one, so a new command or option cannot be left out.
 */

interface Scenario {
  args: string[];
  /** The exit code the scenario expects (0 unless said). */
  code?: number;
  stdout?: RegExp;
  input?: string;
  /** Prepares the fake server; returns the words to put in place of ID in args. */
  setup?: (letta: FakeLetta) => string;
  /** Schedule files written into DIR (the folder of schedules as code) first. */
  files?: Record<string, string>;
}

const STANDUP_FILE = { 'standup.md': `---\nagent: ${AGENT}\nwhen: every weekday at 10am\ntimezone: America/New_York\n---\nStandup\n` };

const IN_A_WEEK = Date.parse(NOW) + 7 * 86_400_000;
const recurring = (letta: FakeLetta) => letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup').id;
/** A daily schedule made three days ago that fired on time each day since. */
const firedDaily = (letta: FakeLetta) => {
  const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Digest');
  item.created_at = new Date(Date.parse(NOW) - 3 * 86_400_000).toISOString();
  item.next_scheduled_time = new Date(Date.parse(NOW) + 86_400_000).toISOString();
  for (let day = 3; day >= 0; day--) letta.addFire(item.id, Date.parse('2026-11-22T14:00:04Z') - day * 86_400_000);
  return item.id;
};
const oneTime = (letta: FakeLetta) => letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: IN_A_WEEK }, 'Later').id;

const SCENARIOS: Record<string, Scenario[]> = {
  send: [
    { args: ['send', '--agent-id', AGENT, '--message', 'Hi', '--role', 'system'], stdout: /Echo: Hi/ },
    { args: ['send', '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'tomorrow at 9am'], stdout: /^sm-\d+\n$/ },
    { args: ['send', '--agent-id', AGENT, '--message', 'Go', '--async'], stdout: /^run-\d+\n$/ },
    { args: ['send', '--agent-id', AGENT, '--message', 'x', '--cron', 'daily'], code: 2 },
  ],
  'onetime create': [
    { args: ['onetime', 'create', '--agent-id', AGENT, '--message', 'Later', '--role', 'user', '--execute-at', 'in 2 hours'], stdout: /^sm-\d+\n$/ },
    { args: ['onetime', 'create', '--agent-id', AGENT, '--message', 'x', '--cron', 'daily'], code: 2 },
    { args: ['onetime', 'create', '--agent-id', AGENT, '--message', 'x', '--execute-at', 'tomorrow', '--until', 'friday', '--count', '2'], code: 2 },
  ],
  'onetime list': [
    { args: ['onetime', 'list', '--agent-id', AGENT, '--json'], setup: oneTime, stdout: /"Later"/ },
    { args: ['onetime', 'list', '--all-agents', '-q', '--concurrency', '2'], setup: oneTime, stdout: /^sm-\d+\n$/ },
    { args: ['onetime', 'list', '--wide'], setup: oneTime, stdout: /Later/ },
    { args: ['onetime', 'list', '--id', 'series-00000000-0000-0000-0000-000000000000'], code: 3 },
  ],
  'onetime get': [{ args: ['onetime', 'get', 'ID', '--agent-id', AGENT], setup: oneTime, stdout: /Later/ }],
  'onetime delete': [
    { args: ['onetime', 'delete', 'ID', '--agent-id', AGENT, '--yes'], setup: oneTime },
    { args: ['onetime', 'delete', '-', '--concurrency', '2'], setup: oneTime, input: 'ID\n' },
  ],
  'onetime edit': [
    { args: ['onetime', 'edit', 'ID', '--agent-id', AGENT, '--message', 'Sooner', '--role', 'user', '--execute-at', 'in 3 hours', '--force'], setup: oneTime },
    { args: ['onetime', 'edit', 'ID', '--cron', 'daily'], setup: oneTime, code: 2 },
  ],
  'recurring create': [
    { args: ['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--role', 'user', '--cron', 'every weekday at 10am'], stdout: /^sm-\d+\n$/ },
    { args: ['recurring', 'create', '--agent-id', AGENT, '--message', 'Check', '--cron', 'every monday', '--count', '3'], stdout: /^series-/ },
    { args: ['recurring', 'create', '--agent-id', AGENT, '--message', 'Check', '--cron', 'daily at 9am', '--until', 'in 5 days'], stdout: /^series-/ },
    { args: ['recurring', 'create', '--agent-id', AGENT, '--message', 'x', '--execute-at', 'tomorrow'], code: 2 },
  ],
  'recurring list': [
    { args: ['recurring', 'list', '--agent-id', AGENT, '--json'], setup: recurring, stdout: /"Standup"/ },
    { args: ['recurring', 'list', '--all-agents', '--concurrency', '3'], setup: recurring, stdout: /Standup/ },
    { args: ['recurring', 'list', '--wide'], setup: recurring, stdout: /Standup/ },
    { args: ['recurring', 'list', '--id', 'set-00000000-0000-0000-0000-000000000000'], code: 3 },
  ],
  'recurring get': [{ args: ['recurring', 'get', 'ID', '--agent-id', AGENT, '--json'], setup: recurring, stdout: /"0 14 \* \* 1-5"/ }],
  'recurring delete': [{ args: ['recurring', 'delete', 'ID', '--agent-id', AGENT, '--yes', '--concurrency', '2'], setup: recurring }],
  'recurring edit': [
    { args: ['recurring', 'edit', 'ID', '--agent-id', AGENT, '--message', 'Standup!', '--role', 'user', '--cron', 'every weekday at 11am', '--force'], setup: recurring },
    { args: ['recurring', 'edit', 'ID', '--execute-at', 'tomorrow'], setup: recurring, code: 2 },
  ],
  'recurring adopt': [{ args: ['recurring', 'adopt', 'ID', '--agent-id', AGENT, '--tz', 'America/New_York'], setup: recurring }],
  sync: [
    { args: ['sync', '--agent-id', AGENT, '--concurrency', '2'], setup: recurring },
    { args: ['sync', '--all-agents', '--dry-run'], setup: recurring },
    { args: ['sync', '--print-cron'], stdout: /sync/ },
    { args: ['sync', '--print-systemd'], stdout: /\[Timer\]/ },
    { args: ['sync', '--print-launchd'], stdout: /<key>StartCalendarInterval<\/key>/ },
  ],
  'recurring pause': [{ args: ['recurring', 'pause', 'ID', '--agent-id', AGENT, '--yes', '--concurrency', '2'], setup: recurring }],
  // A paused schedule lives in this machine's record, so resume and paused run after a pause in the same home (see below).
  'recurring resume': [{ args: ['recurring', 'resume', 'ID', '--agent-id', AGENT, '--concurrency', '2'], setup: recurring }],
  'recurring paused': [{ args: ['recurring', 'paused'], setup: recurring, stdout: /Standup/ }],
  run: [
    { args: ['run', 'ID', '--agent-id', AGENT], setup: recurring, stdout: /Echo: Standup/ },
    { args: ['run', 'ID', '--async'], setup: recurring, stdout: /^run-\d+\n$/ },
  ],
  agenda: [
    { args: ['agenda', '--agent-id', AGENT, '--days', '3'], setup: recurring, stdout: /Standup/ },
    { args: ['agenda', '--all-agents', '--until', 'in 2 days', '--json'], setup: recurring, stdout: /Standup/ },
    { args: ['agenda', '--agent-id', AGENT, '--ics', 'FILE'], setup: recurring },
    { args: ['agenda', '--agent-id', AGENT, '--ics', '-'], setup: recurring, stdout: /BEGIN:VCALENDAR/ },
    { args: ['agenda', '--agent-id', AGENT, '--since', '1d', '--concurrency', '2'], setup: firedDaily, stdout: /ok \(sent \+4s, end_turn\)/ },
    { args: ['agenda', '--id', 'ID'], setup: recurring, code: 2 },
  ],
  status: [
    { args: ['status', '--agent-id', AGENT, '--since', '2d', '--concurrency', '2'], setup: firedDaily, stdout: /\tok\t/ },
    { args: ['status', '--all-agents', '--json', '--notify', 'NOTIFY', '--notify-ok'], setup: firedDaily, stdout: /"needs_attention":false/ },
  ],
  history: [{ args: ['history', 'ID', '--agent-id', AGENT, '--since', '2d', '--limit', '5', '--concurrency', '1'], setup: firedDaily, stdout: /end_turn/ }],
  'results list': [{ args: ['results', 'list', '--agent-id', AGENT, '--limit', '5'] }],
  'results get': [{ args: ['results', 'get', 'run-1'], code: 3 }],
  'agents list': [
    { args: ['agents', 'list'], stdout: /support-bot/ },
    { args: ['agents', 'list', '--name', 'twin', '-q'], stdout: /agent-2.*\nagent-3/ },
  ],
  'config set-api-key': [{ args: ['config', 'set-api-key', '-'], input: 'sk-let-another-key-9876\n' }],
  'config set-url': [{ args: ['config', 'set-url', 'http://127.0.0.1:8283'] }],
  'config set-agent-id': [{ args: ['config', 'set-agent-id', AGENT] }],
  'config set-timezone': [{ args: ['config', 'set-timezone', 'Europe/London'] }],
  'config unset': [{ args: ['config', 'unset', 'timezone'] }],
  'config show': [{ args: ['config', 'show', '--agent-id', AGENT], stdout: /agent/ }],
  'config get': [{ args: ['config', 'get', 'base_url'], stdout: /127\.0\.0\.1/ }],
  'config check': [{ args: ['config', 'check'], stdout: /support-bot|agent/i }],
  export: [
    { args: ['export', '--agent-id', AGENT, '--file', 'DIR'], setup: recurring },
    { args: ['export', '--all-agents', '-f', 'DIR', '--force', '--concurrency', '2'], setup: recurring, files: STANDUP_FILE },
  ],
  plan: [
    { args: ['plan', '--file', 'DIR'], files: STANDUP_FILE, code: 6, stdout: /create/i },
    { args: ['plan', '-f', 'DIR', '--strict', '--json', '--concurrency', '1'], files: STANDUP_FILE, code: 6, stdout: /create/i },
  ],
  apply: [
    { args: ['apply', '--file', 'DIR', '--yes', '--concurrency', '2'], files: STANDUP_FILE },
    { args: ['apply', '-f', 'DIR', '--strict', '--dry-run'], files: STANDUP_FILE },
  ],
  'config path': [{ args: ['config', 'path'], stdout: /config\.json/ }],
  parse: [
    { args: ['parse', 'tomorrow at 9am', '--once', '--json'], stdout: /"one-time"/ },
    { args: ['parse', 'every weekday at 9pm', '--recurring', '--count', '2', '--tz', 'America/New_York'], stdout: /0 2 \* \* 2-6/ },
  ],
  completion: [
    { args: ['completion', 'bash'], stdout: /complete/ },
    { args: ['completion', 'zsh'], stdout: /compdef|_letta/ },
    { args: ['completion', 'fish'], stdout: /complete -c letta-switchboard/ },
  ],
};

/** Options every command may show but that belong to the program, not the command. */
const COVERED_ELSEWHERE = new Set(['--help']);

describe('the scenarios below', () => {
  it('cover every registered command and every option it shows', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.path, 'the registry names a command by the words it declares').toEqual(entry.path);
      if (entry.path.length === 1) expect(new Help().subcommandTerm(command.build() as never), 'its summary is what commander would list').toBe(SUMMARIES[entry.path[0] as TopLevel].term);
      const key = command.path.join(' ');
      const scenarios = SCENARIOS[key];
      expect(scenarios, `no scenario runs '${key}'`).toBeDefined();
      const used = new Set(scenarios!.flatMap((s) => s.args));
      for (const option of command.build().options) {
        if (option.hidden || !option.long || COVERED_ELSEWHERE.has(option.long)) continue;
        expect(used.has(option.long), `no scenario of '${key}' uses ${option.long}`).toBe(true);
      }
    }
    expect(Object.keys(SCENARIOS).sort()).toEqual(COMMANDS.map((c) => c.path.join(' ')).sort());
  });
});

const suite = useFakeLetta({ defaultAgent: false });
const scratch = mkdtempSync(join(tmpdir(), 'letta-switchboard-every-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The standalone binary, made from the bundle the global setup built (the build's `clean` removes any in dist/). */
function buildBinary(): string {
  const out = join(scratch, 'letta-switchboard');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-binary.mjs'), '--out', out], { cwd: ROOT, stdio: 'ignore' });
  return out;
}

const RUNNERS: Array<{ name: string; command: () => { file: string; prefix: string[] } }> = [
  { name: 'dist/cli.cjs', command: () => ({ file: process.execPath, prefix: [join(ROOT, 'dist', 'cli.cjs')] }) },
  { name: 'the standalone binary', command: () => ({ file: binary, prefix: [] }) },
];
let binary = '';

describe.each(RUNNERS)('every command through $name', ({ name, command }) => {
  beforeAll(() => {
    if (name === 'the standalone binary') binary = buildBinary();
  }, 300_000);

  for (const [key, scenarios] of Object.entries(SCENARIOS)) {
    it(`runs '${key}'`, async () => {
      const { file, prefix } = command();
      for (const scenario of scenarios) {
        const { letta, env } = suite;
        letta.reset(() => Date.parse(NOW));
        const home = { ...env, LETTA_SWITCHBOARD_STATE_DIR: join(env.HOME!, 'state') };
        const id = scenario.setup?.(letta) ?? '';
        const ics = join(env.HOME!, 'letta.ics');
        const dir = join(env.HOME!, 'letta-schedules');
        if (scenario.files) {
          mkdirSync(dir, { recursive: true });
          for (const [name, text] of Object.entries(scenario.files)) writeFileSync(join(dir, name), text);
        }
        // Resume and paused need a schedule paused first, by the same program.
        if (key === 'recurring resume' || key === 'recurring paused') {
          const paused = await runCommand(file, [...prefix, '--now', NOW, 'recurring', 'pause', id, '--agent-id', AGENT, '--yes'], { env: home });
          expect(paused.code, paused.stderr).toBe(0);
        }
        const args = scenario.args.map((arg) => (arg === 'ID' ? id : arg === 'FILE' ? ics : arg === 'DIR' ? dir : arg === 'NOTIFY' ? `${letta.url}/notify/ok` : arg));
        const input = scenario.input?.replace('ID', id);
        const r = await runCommand(file, [...prefix, '--now', NOW, ...args], { env: home, input, timeoutMs: 30_000 });
        const shown = `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
        expect(r.code, shown).toBe(scenario.code ?? 0);
        expect(r.stderr, shown).not.toMatch(/This is a bug|dynamic import/i);
        if (scenario.stdout) expect(r.stdout, shown).toMatch(scenario.stdout);
        if (args.includes(ics)) expect(readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*Standup[\s\S]*END:VCALENDAR\r\n$/);
      }
    });
  }
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** Under --json, text made for a file (a sync job, a completion script) comes as one JSON document, its text a field. */

const suite = useFakeLetta({ defaultAgent: true });
let env: Record<string, string>;
beforeEach(() => ({ env } = suite));

describe('sync --print-* --json', () => {
  it('the crontab line, with what it runs, its minute and its log', async () => {
    const text = await runCli(['sync', '--print-cron'], { env });
    const r = await runCli(['sync', '--print-cron', '--json'], { env });
    expect(r.code).toBe(0);
    const job = JSON.parse(r.stdout);
    expect(job.kind).toBe('cron');
    expect(job.line).toBe(text.stdout.trimEnd());
    expect(job.line.startsWith(`${job.minute} * * * * `)).toBe(true);
    expect(job.command.slice(-2)).toEqual(['sync', '--all-agents']);
    expect(job.log).toBe(join(env.HOME!, '.local', 'state', 'letta-switchboard', 'sync.log'));
    expect(suite.letta.requests()).toEqual([]);
  });

  it('the systemd units and the launchd agent as files to write, each with its absolute path, and the command that turns the job on', async () => {
    const systemd = JSON.parse((await runCli(['sync', '--print-systemd', '--json'], { env })).stdout);
    expect(systemd.kind).toBe('systemd');
    expect(systemd.files.map((f: { path: string }) => f.path)).toEqual([
      join(env.HOME!, '.config', 'systemd', 'user', 'letta-switchboard-sync.service'),
      join(env.HOME!, '.config', 'systemd', 'user', 'letta-switchboard-sync.timer'),
    ]);
    expect(systemd.files[0].text).toMatch(/^\[Unit\]\n[\s\S]*\nExecStart=\/\S+ .*sync --all-agents\n[\s\S]*StandardError=append:\S+sync\.log\n$/);
    expect(systemd.files[1].text).toContain(`OnCalendar=*-*-* *:${String(systemd.minute).padStart(2, '0')}:00\n`);
    // A unit file holds no comment naming where it goes: that is the path's job.
    expect(systemd.files.map((f: { text: string }) => f.text).join('')).not.toContain('# ~/');
    expect(systemd.enable).toContain('systemctl --user enable --now letta-switchboard-sync.timer');

    const launchd = JSON.parse((await runCli(['sync', '--print-launchd', '--json'], { env })).stdout);
    expect(launchd.kind).toBe('launchd');
    expect(launchd.files).toHaveLength(1);
    expect(launchd.files[0].path).toBe(join(env.HOME!, 'Library', 'LaunchAgents', 'letta-switchboard.sync.plist'));
    expect(launchd.files[0].text).toBe(`${(await runCli(['sync', '--print-launchd'], { env })).stdout.trimEnd()}\n`);
    expect(launchd.files[0].text).toContain(`<integer>${launchd.minute}</integer>`);
    expect(launchd.enable).toMatch(/^launchctl bootstrap /);
    // Made 0600 beforehand, under --json as without it.
    expect(readFileSync(launchd.log, 'utf8')).toBe('');
  });
});

describe('completion --json', () => {
  it('the script as a field, exactly what the plain command prints', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const plain = await runCli(['completion', shell], { env });
      const r = await runCli(['completion', shell, '--json'], { env });
      expect(r.code, shell).toBe(0);
      expect(JSON.parse(r.stdout), shell).toEqual({ shell, script: plain.stdout });
    }
  });

  it('candidates as an array', async () => {
    const r = await runCli(['completion', '--candidates', 'zones', '--json'], { env });
    expect(r.code).toBe(0);
    const zones = JSON.parse(r.stdout);
    expect(zones).toContain('America/New_York');
    expect(zones.join('\n')).toBe((await runCli(['completion', '--candidates', 'zones'], { env })).stdout.trimEnd());
  });
});

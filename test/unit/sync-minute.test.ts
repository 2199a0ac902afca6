import { describe, expect, it } from 'vitest';
import { crontabLine, launchdPlist, syncMinute, systemdUnits, type Invocation } from '../../src/sync/schedule-line';

const job = (host: string, stateDir: string): Invocation => ({ execPath: '/usr/bin/node', script: '/opt/lsb/cli.cjs', stateDir, env: {}, host });

describe('the minute the printed sync job runs at', () => {
  it('is the same each time for one machine and state folder, in the cron line, the systemd timer and the launchd agent', () => {
    const one = job('build-01', '/home/ana/.local/state/letta-switchboard');
    const minute = syncMinute(one);
    expect(syncMinute({ ...one })).toBe(minute);
    expect(crontabLine(one)).toMatch(new RegExp(`^${minute} \\* \\* \\* \\* /usr/bin/node `));
    expect(systemdUnits(one)).toContain(`OnCalendar=*-*-* *:${String(minute).padStart(2, '0')}:00\n`);
    expect(launchdPlist(one)).toContain(`<dict><key>Minute</key><integer>${minute}</integer></dict>`);
  });

  it('is spread over the hour between machines and state folders, not one minute for all', () => {
    const minutes = new Set<number>();
    for (let n = 0; n < 20; n++) {
      minutes.add(syncMinute(job(`host-${n}`, '/home/ana/.local/state/letta-switchboard')));
      minutes.add(syncMinute(job('build-01', `/srv/state-${n}`)));
    }
    expect(minutes.size).toBeGreaterThan(15);
    for (const minute of minutes) expect(minute >= 0 && minute < 60 && Number.isInteger(minute)).toBe(true);
  });
});

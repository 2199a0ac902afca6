import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError } from '../errors';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, allAgentsOption, concurrencyOption } from './options';
import { crontabLine, systemdUnits, launchdPlist } from '../sync/schedule-line';
import { stateDir } from '../state/store';
import { makePrivateFolder } from '../files/private-file';
import { syncSchedules } from '../sync/run';
import { reportOutcome } from '../sync/report';
import { stateStore, serverOf } from './shared/state';
import { writeSyncOutcome } from '../state/sync-outcome';

/** `sync`: make Letta match the record of intent (DST replacements, schedules deleted elsewhere, series top-ups). */
export default defineCommand({
  path: ['sync'],
  description: SUMMARIES.sync.description,
  examples: [
    'letta-switchboard sync',
    'letta-switchboard sync --agent-id support-bot --dry-run',
    '(crontab -l; letta-switchboard sync --print-cron) | crontab -',
    'letta-switchboard sync --print-launchd > ~/Library/LaunchAgents/letta-switchboard.sync.plist',
  ],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(allAgentsOption('every agent in the record'))
      .addOption(concurrencyOption())
      .option('--print-cron', 'print a crontab line that runs this sync every hour (absolute paths, output logged in the state folder), and nothing else')
      .option('--print-systemd', 'print a systemd user service and timer that run sync every hour, and nothing else')
      .option('--print-launchd', 'print a launchd agent (macOS) that runs sync every hour, and nothing else'),
  async run(rt, options) {
    if (options.printCron || options.printSystemd || options.printLaunchd) {
      const invocation = { execPath: process.execPath, script: process.argv[1], stateDir: stateDir(rt.env, rt.home), env: rt.env };
      // The job appends to a log there, and a shell cannot append into a folder that does not exist.
      makePrivateFolder(invocation.stateDir, { what: 'sync log', folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.' });
      return rt.out.line(options.printCron ? crontabLine(invocation) : options.printSystemd ? systemdUnits(invocation) : launchdPlist(invocation));
    }
    const now = rt.now();
    const store = await stateStore(rt);
    const server = serverOf(rt);
    const remember = (ok: boolean, exitCode: number, changed: string[], errors: string[], skipped: string[]) => {
      if (rt.dryRun) return;
      try {
        writeSyncOutcome(rt.env, rt.home, { at: new Date(rt.now()).toISOString(), server, ok, exit_code: exitCode, changed, errors, skipped });
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        rt.out.warn(`The outcome of this sync could not be written (${error.message}); status will not show it.`);
      }
    };
    let result;
    try {
      const api = await rt.api();
      const agent = options.allAgents ? undefined : rt.agentOrNone();
      const agentId = agent === undefined ? undefined : await rt.agentId(agent);
      result = await syncSchedules({ api, store, now, server, agentId, dryRun: rt.dryRun, concurrency: options.concurrency });
    } catch (error) {
      if (error instanceof CliError) remember(false, error.exitCode, [], [error.message], []);
      throw error;
    }
    const reports = result.outcomes.map((outcome) => reportOutcome(outcome, now, rt.dryRun)).filter((report) => report.lines.length > 0);
    const out = rt.out;
    if (out.json) out.document(reports.map(({ lines: _lines, ...facts }) => facts));
    else if (out.quiet) for (const report of reports) out.line(report.new_id ?? report.series_id ?? report.id ?? '');
    // Under --dry-run stdout carries the requests not sent; what they would do goes beside them on stderr.
    else for (const report of reports) for (const line of report.lines) rt.dryRun ? out.note(line) : out.line(line);
    if (reports.length === 0 && !out.json && !out.quiet) out.info(`Nothing to change (${result.checked} recorded schedule${result.checked === 1 ? '' : 's'} checked).`);
    const failed = result.outcomes.filter((outcome) => !outcome.ok);
    const firstError = failed.find((o) => o.error)?.error;
    remember(
      failed.length === 0,
      failed.length === 0 ? 0 : (firstError?.exitCode ?? 1),
      reports.filter((r) => r.ok && r.action !== 'skipped').map((r) => r.lines[0]!),
      reports.filter((r) => !r.ok).map((r) => r.lines[0]!),
      reports.filter((r) => r.action === 'skipped').map((r) => r.lines[0]!),
    );
    if (failed.length > 0) throw new AlreadyReported(failed.find((o) => o.error)?.error ?? new CliError(`${failed.length} change(s) could not be made`));
  },
});

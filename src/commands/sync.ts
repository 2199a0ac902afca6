import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError } from '../errors';
import { defineCommand } from './command';
import { agentOption, allAgentsOption } from './options';

/** `sync`: make Letta match the record of intent (DST replacements, schedules deleted elsewhere, series top-ups). */
export default defineCommand({
  path: ['sync'],
  description: 'Keep recorded schedules exact: replace crons a DST change made wrong, top up series, mark schedules deleted elsewhere',
  examples: ['letta-switchboard sync', 'letta-switchboard sync --agent-id support-bot --dry-run', '(crontab -l; letta-switchboard sync --print-cron) | crontab -'],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(allAgentsOption('every agent in the record'))
      .option('--print-cron', 'print a crontab line that runs sync every hour, and nothing else'),
  async run(rt, options) {
    const { CRONTAB_LINE } = await import('../sync/intent');
    if (options.printCron) return rt.out.line(CRONTAB_LINE);
    const now = rt.now();
    const [{ syncSchedules }, { reportOutcome }, { stateStore }] = await Promise.all([import('../sync/run'), import('../sync/report'), import('./shared/state')]);
    const store = await stateStore(rt);
    const api = await rt.api();
    const agent = options.allAgents ? undefined : rt.agentOrNone();
    const agentId = agent === undefined ? undefined : await rt.agentId(agent);
    const result = await syncSchedules({ api, store, now, agentId, dryRun: rt.dryRun });
    const reports = result.outcomes.map((outcome) => reportOutcome(outcome, now, rt.dryRun)).filter((report) => report.lines.length > 0);
    const out = rt.out;
    if (out.json) out.document(reports.map(({ lines: _lines, ...facts }) => facts));
    else if (out.quiet) for (const report of reports) out.line(report.new_id ?? report.series_id ?? report.id ?? '');
    // Under --dry-run stdout carries the requests not sent; what they would do goes beside them on stderr.
    else for (const report of reports) for (const line of report.lines) (rt.dryRun ? out.note(line) : out.line(line));
    if (reports.length === 0 && !out.json && !out.quiet) out.info(`Nothing to change (${result.checked} recorded schedule${result.checked === 1 ? '' : 's'} checked).`);
    const failed = result.outcomes.filter((outcome) => !outcome.ok);
    if (failed.length > 0) throw new AlreadyReported(failed.find((o) => o.error)?.error ?? new CliError(`${failed.length} change(s) could not be made`));
  },
});

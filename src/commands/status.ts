import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, InterruptedError, NeedsAttention, UsageError } from '../errors';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, allAgentsOption, concurrencyOption } from './options';
import { sinceInstant } from '../time/since';
import { notifyUrl } from '../letta/notify';
import { scheduleStream } from './shared/scope';
import { limiter } from '../concurrency';
import { fireHealthSection } from '../status/fire-health';
import { recordSection } from '../status/record-section';
import { notifyCheckFailed, reportStatus } from '../status/report';

/** `status`: what needs attention. Each section is built by its own module; this file only declares and joins them. */
export default defineCommand({
  path: ['status'],
  description: SUMMARIES.status.description,
  examples: [
    'letta-switchboard status',
    'letta-switchboard status --agent-id support-bot --since 1d --verbose',
    'letta-switchboard status --all-agents --json | jq .fire_health.totals',
    'letta-switchboard status --notify https://hc-ping.com/UUID/fail',
  ],
  globals: ['output', 'time', 'api', 'dryRun'],
  keepsSchedules: true,
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(allAgentsOption())
      .option('--since <when>', "how far back to judge fires: '7d', '12h', '2w', or a date", '7d')
      .addOption(concurrencyOption())
      .option('--notify <url>', 'POST a short JSON summary here when something needs action (a chat webhook, a health check, ntfy)')
      .option('--notify-ok', 'with --notify: also send it when all is well'),
  async run(rt, options) {
    if (options.notifyOk && options.notify === undefined) throw new UsageError('--notify-ok needs --notify URL', 'Give where to send it, e.g. --notify https://ntfy.sh/my-topic --notify-ok');
    const from = sinceInstant(options.since, rt.now(), rt.zone());
    const url = options.notify === undefined ? undefined : notifyUrl(options.notify);
    try {
      // Every request of this run takes one of these, the schedule lists' pages and the histories alike.
      const slots = limiter(options.concurrency);
      const { pages, names, agentIds } = await scheduleStream(rt, !!options.allAgents, slots);
      // --agent-id (or the configured agent) narrows the record's part as it narrows fire health; --all-agents does not.
      const record = await recordSection(rt, !options.allAgents && rt.agentOrNone() ? agentIds[0] : undefined);
      const fireHealth = await fireHealthSection(rt, { pages, names, agentIds, from, slots, detail: !!rt.globals.verbose });
      await reportStatus(rt, [record, fireHealth], { url, always: !!options.notifyOk });
    } catch (error) {
      // Found problems and a failed notification are reported already; Ctrl-C is the user's own doing.
      const checkFailed = error instanceof CliError && !(error instanceof NeedsAttention || error instanceof AlreadyReported || error instanceof InterruptedError);
      if (url && checkFailed) await notifyCheckFailed(rt, url, error);
      throw error;
    }
  },
});

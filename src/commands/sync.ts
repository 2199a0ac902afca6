import { counted } from '../output/counted';
import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, NotFoundError, UsageError } from '../errors';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, allAgentsOption, concurrencyOption } from './options';
import { syncJob, syncLogPath } from '../sync/schedule-line';
import { stateDir } from '../state/store';
import { legacyConfigPath, readLegacyApiKey } from '../config/store';
import { appendPrivateFile } from '../files/private-file';
import { syncSchedules } from '../sync/run';
import { holderText } from '../files/lock';
import { reportOutcome } from '../sync/report';
import type { SyncOutcome } from '../sync/execute';
import { stateStore, serverOf, warnSkipped } from './shared/state';
import { countByServer, serverCountsText, type Intent } from '../state/records';
import { OutcomeLines, writeSyncOutcome, type OutcomeLineFields } from '../state/sync-outcome';

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
    const printers = [options.printCron && '--print-cron', options.printSystemd && '--print-systemd', options.printLaunchd && '--print-launchd'].filter(Boolean);
    if (printers.length > 1) throw new UsageError(`${printers.join(' and ')} each print a whole job; give one`, 'Run it once for each.');
    if (printers.length === 1) {
      const invocation = { execPath: process.execPath, script: process.argv[1], stateDir: stateDir(rt.env, rt.home), env: rt.env, host: process.getBuiltinModule('node:os').hostname() };
      // The job appends to a log there, and a shell cannot append into a folder that does not exist. The log is made
      // here, 0600 as every file of the state folder: made by the job's redirection, it would take cron's umask (0644).
      appendPrivateFile(syncLogPath(invocation), '', { what: 'sync log', folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.' });
      // The job reads the server and its key from the config file: naming a server given here would pair it with another server's key.
      const { baseUrl, apiKey } = rt.settings;
      if (baseUrl.source === 'flag' || baseUrl.source === 'env')
        rt.out.warn(
          `This command's server (${baseUrl.value}) came from ${baseUrl.source === 'flag' ? '--base-url' : 'LETTA_BASE_URL'}, which the job will not have: it syncs the server and key in the config file. To sync this one, store them: letta-switchboard config set-url ${baseUrl.value}, then config set-api-key.`,
        );
      else if (!rt.configFile().api_key && readLegacyApiKey(legacyConfigPath(rt.home)) === undefined) {
        const from = apiKey.source === 'flag' ? '--api-key' : apiKey.source === 'env' ? 'LETTA_API_KEY' : undefined;
        rt.out.warn(
          `The job reads its key from the config file, which has none${from ? ` (this command's came from ${from}, which the job will not have)` : ''}: every run would stop at "No API key set". Store it first: letta-switchboard config set-api-key -`,
        );
      }
      const job = syncJob(options.printCron ? 'cron' : options.printSystemd ? 'systemd' : 'launchd', invocation, rt.home);
      return rt.out.json ? rt.out.document(job.document) : rt.out.line(job.text);
    }
    const now = rt.now();
    const store = await stateStore(rt);
    const server = serverOf(rt);
    const agent = options.allAgents ? undefined : rt.agentOrNone();
    let agentId: string | undefined;
    const remember = (ok: boolean, exitCode: number, lines: OutcomeLineFields, replaceOnly = false) => {
      if (rt.dryRun) return;
      try {
        writeSyncOutcome(
          rt.env,
          rt.home,
          { at: new Date(rt.now()).toISOString(), server, ...(agentId === undefined ? {} : { agent_id: agentId }), ok, exit_code: exitCode, ...lines },
          { replaceOnly },
        );
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        rt.out.warn(`The outcome of this sync could not be written (${error.message}); status will not show it.`);
      }
    };
    const out = rt.out;
    // Each round is reported as it ends (held up to a size first, as lists are): a long sync holds one round's outcomes.
    const data = out.held();
    const array = out.json ? out.jsonArray(data) : undefined;
    const said = { reports: 0, lines: new OutcomeLines(), failed: 0, firstError: undefined as CliError | undefined };
    const reportRound = (outcomes: SyncOutcome[]) => {
      for (const outcome of outcomes) {
        if (!outcome.ok) {
          said.failed++;
          said.firstError ??= outcome.error;
        }
        const report = reportOutcome(outcome, now, rt.dryRun);
        if (report.lines.length === 0) continue;
        said.reports++;
        // An agent this key cannot see, a record left to another server: said, but nothing changed.
        const unchanged = report.action === 'skipped' || report.action === 'disowned';
        said.lines.add(!report.ok ? 'errors' : unchanged ? 'skipped' : 'changed', report.lines[0]!);
        // A change that failed is an error, said on stderr as errors are (under --json too, for a script that logs stderr);
        // stdout keeps what was done.
        const failed = !report.ok && !rt.dryRun;
        if (failed) report.lines.forEach((line, n) => out.note(n === 0 ? `Error: ${line}` : line));
        if (array) {
          const { lines: _lines, ...facts } = report;
          array.add(facts);
        } else if (failed) continue;
        else if (out.quiet && unchanged) for (const line of report.lines) out.note(line);
        else if (out.quiet) data.add(`${report.new_id ?? report.series_id ?? report.id ?? ''}\n`);
        // Under --dry-run stdout carries the requests not sent; what they would do goes beside them on stderr.
        else for (const line of report.lines) rt.dryRun ? out.note(line) : data.add(`${line}\n`);
      }
      data.pageDone();
    };
    let result;
    try {
      agentId = agent === undefined ? undefined : await rt.agentId(agent);
      const api = await rt.api();
      // A record set aside is not synced: said, as every command that reads the record says it, so a sync job's log shows it.
      // Said a record at a time: sync never holds the whole record.
      await store.scan((_list, _record, problem) => problem !== undefined && warnSkipped(rt, problem));
      // One sync at a time: one started beside another waits for it (from cron, an hour's runs may overlap), and says so.
      const running = store.lockHolder('sync');
      // A dry run takes no lock, so it waits for nobody.
      if (running && !rt.dryRun) out.note(`Waiting for another sync${holderText(running)} to finish`);
      result = await syncSchedules({ api, store, now, server, agentId, dryRun: rt.dryRun, concurrency: options.concurrency, onRound: reportRound, onWait: (line) => out.note(line) });
      // An agent nothing is recorded for is never listed: an id that names none (a typo in a cron job) would sync nothing, unsaid.
      // A name was looked up already; a dry run without a key looks nothing up.
      if (agentId !== undefined && agent?.trim() === agentId && result.checked === 0 && said.reports === 0 && !(rt.dryRun && !rt.settings.apiKey.value)) await api.getAgent(agentId);
    } catch (error) {
      // What the rounds before the failure did is reported all the same.
      if (said.reports > 0) {
        array?.end();
        data.flush();
      }
      // A name that names no agent, or several, is a mistake in the command, not a failed sync: status is not told of it.
      const mistake = agent !== undefined && agentId === undefined && (error instanceof UsageError || error instanceof NotFoundError);
      if (error instanceof CliError && !mistake) remember(false, error.exitCode, said.lines.fields(error.message));
      throw error;
    }
    array?.end();
    data.flush();
    if (said.reports === 0 && !out.json && !out.quiet) out.info(`Nothing to change (${result.checked} recorded schedule${result.checked === 1 ? '' : 's'} checked).`);
    // A base URL written another way (localhost for 127.0.0.1) finds no record of its own: said, or a sync job keeps nothing, unsaid.
    if (result.checked === 0 && said.reports === 0) {
      const elsewhere = new Map<string, number>();
      await (await stateStore(rt, { everyServer: true })).scan((list, record, problem) => problem === undefined && countByServer(elsewhere, list, record as Intent, agentId));
      elsewhere.delete(server);
      if (elsewhere.size > 0) out.warn(elsewhereText(server, elsewhere));
    }
    // Nothing recorded for this server (or agent), so no request went out: a server never synced is not taken in for status.
    remember(said.failed === 0, said.failed === 0 ? 0 : (said.firstError?.exitCode ?? 1), said.lines.fields(), result.checked === 0 && said.reports === 0);
    if (said.failed > 0) throw new AlreadyReported(said.firstError ?? new CliError(`${counted(said.failed, 'change')} could not be made`));
  },
});

function elsewhereText(server: string, elsewhere: Map<string, number>): string {
  const { text, first } = serverCountsText(elsewhere);
  return `Nothing is recorded for ${server}, the server in use; this machine's record of intent holds ${text}. If that is this server written another way, sync it as it was written: letta-switchboard sync --base-url ${first}`;
}

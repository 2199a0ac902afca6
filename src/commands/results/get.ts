import type { Command } from '@commander-js/extra-typings';
import { printDetailOf } from '../../output/detail';
import { bothZones } from '../../output/when';
import { defineCommand } from '../command';
import { isShortId } from '../../output/short-id';
import { pickOne } from '../shared/ids';
import { NotFoundError } from '../../errors';
import type { LettaApi } from '../../letta/api';
import type { Runtime } from '../../runtime';

/** One run: status, stop reason, agent, and its times in the user's zone and in UTC. */
export default defineCommand({
  path: ['results', 'get'],
  description: 'Show one run',
  examples: ['letta-switchboard results get RUN_ID', 'letta-switchboard results get RUN_ID --json | jq .status'],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) => command.argument('<run-id>', "run id, or its short form from results list (a schedule id: its latest fire's run)"),
  async run(rt, _options, given) {
    const api = await rt.api();
    // A short run id (as results list shows them) is looked for among the recent runs results list shows.
    const id = isShortId(given)
      ? pickOne(
          given,
          (await api.listRuns({ limit: 1000, order: 'desc' })).map((r) => r.id),
          'run',
        )
      : given;
    const run = await api.getRun(id).catch((error: unknown) => (error instanceof NotFoundError ? runOfSchedule(rt, api, id, error) : Promise.reject(error)));
    const zone = rt.zone();
    const now = rt.io.stdoutIsTTY ? rt.now() : undefined;
    const text = (value: unknown) => (value === undefined || value === null ? '-' : typeof value === 'string' ? value : JSON.stringify(value));
    await printDetailOf(rt.out, {
      document: run,
      quiet: [run.id],
      rows: [
        ['ID', run.id],
        ['Status', text(run.status)],
        ['Stop reason', text(run.stop_reason)],
        ['Agent', text(run.agent_id)],
        ['Created', () => bothZones(zone, run.created_at, 'created_at', now)],
        ['Completed', () => bothZones(zone, run.completed_at, 'completed_at', now)],
      ],
    });
  },
});

/**
 * The Go CLI's `results get` took a schedule id and showed its latest execution: for an id that is
 * no run but a schedule, the run of its latest fire (said on stderr); `notRun` when it is neither.
 */
async function runOfSchedule(rt: Runtime, api: LettaApi, id: string, notRun: NotFoundError): ReturnType<LettaApi['getRun']> {
  const schedule = await api.locateSchedule(id).catch(() => undefined);
  if (!schedule) throw notRun;
  const history = await api.fireHistory(schedule.agent_id, id, { maxEntries: 1 });
  const latest = history.available ? history.entries[0] : undefined;
  if (!latest?.run_id) {
    const why = !history.available ? 'this server keeps no fire history' : latest ? 'its latest fire has no run' : 'it has not fired yet';
    throw new NotFoundError(`No run for schedule '${id}': ${why}`, `Its fires: letta-switchboard history ${id}`, { what: 'run', id });
  }
  rt.out.note(`${id} is a schedule: its latest fire, sent ${latest.sent_at}, is run ${latest.run_id}.`);
  return api.getRun(latest.run_id);
}

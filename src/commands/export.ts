import { counted } from '../output/counted';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from '@commander-js/extra-typings';
import { CliError, UsageError } from '../errors';
import type { ScheduledMessage } from '../letta/types';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { agentOption, concurrencyOption, fileOption } from './options';
import { DEFAULT_FOLDER, entriesOf, findTarget, loadPlan, serverKey } from '../ascode/load';
import { readLock, writeLock } from '../ascode/lock-store';
import { readScheduleFile } from '../ascode/file-format';
import { exportFiles } from '../ascode/export-files';
import { LOCK_FILE_NAME, serverEntries } from '../ascode/lock-file';
import { lock } from '../files/lock';
import { lockPathFor, readTextFile, writePrivateFile, makePrivateFolder } from '../files/private-file';
import { mapLimited } from '../concurrency';
import { stateStore, whileChanging } from './shared/state';
import { emptyState } from '../state/records';

/** `export`: an agent's (or every agent's) schedules as Markdown files plus the lock file, ready for a repository. */
export default defineCommand({
  path: ['export'],
  description: SUMMARIES.export.description,
  examples: ['letta-switchboard export --agent-id support-bot', 'letta-switchboard export --all-agents -f ops/letta-schedules'],
  globals: ['output', 'time', 'api', 'dryRun'],
  keepsSchedules: true,
  declare: (command: Command) =>
    command
      .addOption(agentOption())
      .addOption(new Option('--all-agents', 'every agent (the default when no agent is set anywhere)').conflicts('agentId'))
      .addOption(fileOption())
      .option('--force', 'overwrite files that exist and differ')
      .addOption(concurrencyOption()),
  async run(rt, options) {
    const folder = options.file ?? DEFAULT_FOLDER;
    const label = { what: 'schedule file', folderHint: 'Give another folder with -f PATH.' };
    // --dry-run: the files that would be written, listed; nothing is made or written, the folder neither.
    if (!rt.dryRun) makePrivateFolder(folder, label);
    const lockPath = join(folder, LOCK_FILE_NAME);
    const api = await rt.api();
    const agent = options.allAgents ? undefined : rt.agentOrNone();
    // Each agent is named in a new file by its name where no other agent has it, else by its id, however it was given
    // here; a file there already keeps how it names its agent (keptLabel), so exporting again by id or by name rewrites nothing.
    const labels = new Map<string, string>();
    const named = new Map<string, string[]>();
    for await (const page of api.agentPages()) for (const one of page) if (one.id) named.set(one.name, [...(named.get(one.name) ?? []), one.id]);
    for (const [name, ids] of named) for (const id of ids) labels.set(id, ids.length === 1 && name ? name : id);
    let agentIds: string[];
    if (agent !== undefined) {
      const id = await rt.agentId(agent);
      if (!labels.has(id)) labels.set(id, agent.trim());
      agentIds = [id];
    } else agentIds = [...labels.keys()].sort();
    // The lock file's lock first, then what Letta has: an apply under way (which holds it) changes the schedules it
    // owns, and a list read before it ended would export the schedules it deleted.
    const held = rt.dryRun
      ? undefined
      : await lock(lockPathFor(lockPath), { what: `the lock file ${lockPath}`, staleMs: 60 * 60_000, waitMs: 10 * 60_000, signal: rt.signal, onWait: (line) => rt.out.note(line) });
    try {
      // And the changes lock, so an edit or apply under way is done before the list is read (plan would undo it).
      await whileChanging(rt, async () => {
        const letta = new Map<string, ScheduledMessage[]>();
        await Promise.all(
          mapLimited(agentIds, options.concurrency, async (agentId) => {
            const all: ScheduledMessage[] = [];
            for await (const page of api.schedulePages(agentId)) all.push(...page);
            letta.set(agentId, all);
          }),
        );
        let state = emptyState();
        try {
          state = await (await stateStore(rt)).read();
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          rt.out.warn(`The record of intent cannot be read (${error.message}); every schedule is written as its UTC cron or instant.`);
        }
        const { lock: lockFile } = readLock(lockPath);
        const server = serverKey(rt);
        const entries = serverEntries(lockFile, server);
        const keptLabel = (file: string, agentId: string) => {
          const existing = readTextFile(join(folder, file), label);
          const read = existing === undefined ? undefined : readScheduleFile(existing);
          if (!read?.ok) return undefined;
          const said = read.file.agent.trim();
          return said === agentId || said === labels.get(agentId) ? said : undefined;
        };
        // A file there that no apply has made yet, which plan matches to a listed schedule, says it already: written
        // again under another name, plan would make it a second time.
        const described = new Map<string, { file: string; agent_id: string }>();
        if (existsSync(folder)) {
          const { changes } = await loadPlan(rt, findTarget(folder), entriesOf(lockFile, server), options.concurrency);
          for (const change of changes) if (!(change.file in entries)) for (const id of change.adopt) described.set(id, { file: change.file, agent_id: change.agent_id });
        }
        for (const [agentId, items] of letta)
          letta.set(
            agentId,
            items.filter((item) => !described.has(item.id)),
          );
        const { files, skipped } = await exportFiles({ now: rt.now(), letta, labels, keptLabel, state, entries });
        for (const [id, { file, agent_id }] of described) skipped.push({ id, agent_id, reason: `${join(folder, file)} says it already (apply takes it as that file's)` });
        // A file already as it would be written is left as it is (and not counted as written).
        const same = new Set<string>();
        const differ: typeof files = [];
        for (const file of files) {
          const existing = readTextFile(join(folder, file.name), label);
          if (existing === file.text) same.add(file.name);
          else if (existing !== undefined) differ.push(file);
        }
        const toWrite = files.filter((file) => !same.has(file.name));
        if (differ.length > 0 && !options.force) {
          throw new UsageError(
            `${counted(differ.length, 'file')} ${differ.length === 1 ? 'exists and differs' : 'exist and differ'}: ${differ.map((f) => join(folder, f.name)).join(', ')}; nothing written`,
            'Pass --force to overwrite them, or export into another folder with -f DIR.',
          );
        }
        if (!rt.dryRun) {
          for (const file of toWrite) writePrivateFile(join(folder, file.name), file.text, label);
          for (const file of files) entries[file.name] = file.entry;
          writeLock(lockPath, lockFile);
        }

        const out = rt.out;
        if (out.json) out.document({ folder, lock_file: lockPath, files: files.map((f) => ({ file: join(folder, f.name), ...f.entry })), skipped, ...(rt.dryRun ? { dry_run: true } : {}) });
        else for (const file of files) out.line(join(folder, file.name));
        for (const skip of skipped) out.warn(`Not exported: ${skip.id} (agent ${skip.agent_id}): ${skip.reason}.`);
        // Paused here, they are not on Letta to export: said, as the schedules left out above are.
        const paused = [
          ...state.paused.filter((p) => agentIds.includes(p.schedule.agent_id)).map((p) => ({ id: p.old_id, agent_id: p.schedule.agent_id })),
          ...state.series.filter((one) => one.status === 'paused' && agentIds.includes(one.agent_id)).map((one) => ({ id: one.series_id, agent_id: one.agent_id })),
        ];
        for (const one of paused) out.warn(`Not exported: ${one.id} (agent ${one.agent_id}): it is paused; resume it (letta-switchboard recurring resume ${one.id}), then export again.`);
        if (out.json || out.quiet) return;
        const unchanged = same.size > 0 ? ` (${same.size} already as written, left as they are)` : '';
        if (rt.dryRun) out.note(`Dry run: would write ${counted(toWrite.length, 'file')}${unchanged} and ${lockPath}; nothing written.`);
        else out.note(`Wrote ${counted(toWrite.length, 'file')}${unchanged} and ${lockPath}. Check them with: letta-switchboard plan${options.file ? ` -f ${folder}` : ''}`);
      });
    } finally {
      held?.release();
    }
  },
});

import { Option } from '@commander-js/extra-typings';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../concurrency';
import { UsageError } from '../errors';
import { ROLES, type Role } from '../letta/types';

/** A whole number from min to max, checked when the arguments are parsed. */
export function integer(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`${flag} '${value}' must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

export const agentOption = () => new Option('--agent-id <agent>', 'agent id (agent-...) or name; default from LETTA_AGENT_ID or config');

/** For commands that send many independent requests: how many may be in flight at once. */
export const concurrencyOption = () =>
  new Option('--concurrency <n>', `requests in flight at once, 1-${MAX_CONCURRENCY}`).argParser(integer('--concurrency', 1, MAX_CONCURRENCY)).default(DEFAULT_CONCURRENCY);

/** A list on a terminal with every column, full ids and agent ids, not fitted to the width. */
export const wideOption = () => new Option('--wide', 'on a terminal: every column, full ids and agent ids (lines may wrap)');

/** `--id`: list or agenda only the schedules of one set or series. */
export const groupOption = () => new Option('--id <set-or-series>', 'only the schedules of this set (set-...) or series (series-...)');

/** Every agent rather than the one --agent-id (or the default) names. */
export const allAgentsOption = (what = 'every agent') => new Option('--all-agents', `${what} (the default when no agent is set anywhere)`).conflicts('agentId');

export const messageOption = () => new Option('--message <text>', "the message; '-' reads it from stdin");

export const roleOption = () =>
  new Option('--role <role>', 'who the message is from')
    .choices(ROLES)
    .default('user' as Role)
    .argParser((value): Role => {
      const role = value.trim().toLowerCase();
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role '${value}' is not a role`, `Use one of: ${ROLES.join(', ')}.`);
      return role as Role;
    });

/**
 * A flag that belongs to another command: hidden from help, and a usage
 * error that names the right command when given.
 */
export const misplaced = <Flags extends string>(flags: Flags, where: string) =>
  new Option(flags).hideHelp().argParser((): never => {
    throw new UsageError(`${flags.split(' ')[0]} belongs to ${where}`, `See: letta-switchboard ${where} --help`);
  });

export const fileOption = () => new Option('-f, --file <path>', 'the folder of schedule files, or one file (default: ./letta-schedules)');

export const strictOption = () => new Option('--strict', 'a file that cannot be read or understood stops everything (exit 2); by default it is reported and left out');

/** How many next runs a phrase's meaning shows: `parse` by default, and every `recurring create --json` (one cron, a set, a series). */
export const NEXT_RUNS_SHOWN = 5;

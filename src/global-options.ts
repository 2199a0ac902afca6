import { Command } from '@commander-js/extra-typings';
import { integer } from './commands/options';
import { UsageError } from './errors';

/**
 * Which global options do something for a command, so its help shows only
 * those: `output` (--json, -q, --no-color), `time` (--tz, --now), `api`
 * (--api-key, --base-url, --timeout, --verbose), `dryRun` (--dry-run).
 */
export type GlobalGroup = 'output' | 'time' | 'api' | 'dryRun';

export const MAX_TIMEOUT_MS = 2_147_483_647;

/** The options every command accepts; each belongs to a group, and a command's help shows the groups it uses. */
export function withGlobalOptions(program: Command) {
  return program
    .option('--json', 'print one JSON document on stdout')
    .option('-q, --quiet', 'print only ids, one a line')
    .option('--no-color', 'no colour in output')
    .option(
      '--api-key <key>',
      'Letta API key (prefer config set-api-key or LETTA_API_KEY)',
      notEmpty('--api-key', 'an empty API key', 'leave --api-key out to use LETTA_API_KEY or the configured key'),
    )
    .option('--base-url <url>', 'Letta API address', notEmpty('--base-url', 'an empty address', 'leave --base-url out to use LETTA_BASE_URL or the configured address'))
    .option('--timeout <ms>', 'request timeout in milliseconds', integer('--timeout', 1, MAX_TIMEOUT_MS), 30_000)
    .option(
      '--tz <zone>',
      'IANA time zone for phrases and times shown',
      notEmpty('--tz', 'an empty time zone name', "give an IANA name such as 'Asia/Kolkata' or 'UTC', or leave --tz out to use the configured zone"),
    )
    .option('--now <time>', 'read phrases as if it were this instant (ISO 8601 or Unix ms)')
    .option('--dry-run', 'change nothing: print each changing request (POST, DELETE) instead of sending it, write no file; reads still go out')
    .option('--verbose', 'log requests and timings on stderr');
}

/**
 * A global option as given, refused when empty: `--tz "$ZONE"` (or `--api-key "$KEY"`) with the variable unset would
 * otherwise fall back to the configured value without a word. What it names is checked where it is used.
 */
function notEmpty(flag: string, what: string, instead: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new UsageError(`${flag} was given ${what}`, `${instead[0]!.toUpperCase()}${instead.slice(1)}.`);
    return value;
  };
}

export type GlobalOptions = ReturnType<ReturnType<typeof withGlobalOptions>['opts']>;

export const GROUP_OF: Record<keyof GlobalOptions, GlobalGroup> = {
  json: 'output',
  quiet: 'output',
  color: 'output',
  apiKey: 'api',
  baseUrl: 'api',
  timeout: 'api',
  verbose: 'api',
  tz: 'time',
  now: 'time',
  dryRun: 'dryRun',
};

/** The global options' spellings that take a value (`--tz`, ...), read from the declarations above: the word after one is its value, not a command. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(
  withGlobalOptions(new Command())
    .options.filter((option) => option.required || option.optional)
    .flatMap((option) => [option.long, option.short].filter((flag): flag is string => flag !== undefined)),
);

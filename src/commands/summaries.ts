/**
 * What the root help says of each top-level command: its term and its
 * description. Kept apart from the commands' modules, so the root help lists
 * them without loading any; each module declares its description from here,
 * and a test holds the terms to the declarations.
 */
export const SUMMARIES = {
  send: {
    term: 'send [options]',
    description: 'Send a message now and print the reply, or schedule it with --execute-at',
  },
  sync: {
    term: 'sync [options]',
    description: 'Keep recorded schedules exact: replace crons a DST change made wrong, top up series, mark schedules deleted elsewhere',
  },
  export: {
    term: 'export [options]',
    description: 'Write schedules as Markdown files plus letta-schedules.lock.json, for plan and apply',
  },
  plan: {
    term: 'plan [options]',
    description: 'Show what apply would change to make Letta match the schedule files (exit 6 when there are changes)',
  },
  apply: {
    term: 'apply [options]',
    description: 'Make Letta match the schedule files: create, replace and delete what the lock file owns',
  },
  run: {
    term: 'run [options] <id>',
    description: "Send a schedule's messages to its agent now and print the reply; the schedule is left as it is",
  },
  agenda: {
    term: 'agenda [options]',
    description: 'Every fire of every schedule in the coming days, across agents, in local time and UTC; --ics writes a calendar file',
  },
  status: {
    term: 'status [options]',
    description: 'What needs attention: the last sync, DST drift, series running dry, paused records, and fires classified ok, late, failed, missed or stuck; exit 6 when something does',
  },
  history: {
    term: 'history [options] <id>',
    description: 'The fires of a schedule (with those it replaced), set, series or paused schedule, newest first: due time, when it was sent, class, run and how the run ended',
  },
  parse: {
    term: 'parse [options] <expression>',
    description: 'Show what a time phrase means, with no network',
  },
  completion: {
    term: 'completion [options] [shell]',
    description: 'Print a shell completion script',
  },
} satisfies Record<string, { term: string; description: string }>;

export type TopLevel = keyof typeof SUMMARIES;

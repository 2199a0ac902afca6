import type { GroupDeclaration, RegisteredCommand } from './command';

/** A command as the registry knows it before its module is loaded. */
export interface CommandEntry {
  /** ['onetime', 'list'], or ['send'] for a top-level command; the same as its declaration's. */
  path: string[];
  load: () => Promise<RegisteredCommand>;
}

/** Commands that only hold subcommands, in the order help lists them. */
export const GROUPS: GroupDeclaration[] = [
  {
    name: 'onetime',
    description: 'Manage one-time schedules',
    examples: [
      'letta-switchboard onetime create --agent-id support-bot --message "Reminder" --execute-at "in 2 hours"',
      'letta-switchboard onetime list --agent-id support-bot',
      'letta-switchboard onetime list -q | letta-switchboard onetime delete -',
    ],
  },
  {
    name: 'recurring',
    description: 'Manage recurring schedules',
    examples: [
      'letta-switchboard recurring create --agent-id support-bot --message "Standup" --cron "every weekday at 10am"',
      'letta-switchboard recurring list --agent-id support-bot',
      'letta-switchboard recurring list -q | letta-switchboard recurring delete -',
    ],
  },
  { name: 'results', description: 'Letta runs: the executions behind messages', examples: ['letta-switchboard results list --agent-id support-bot', 'letta-switchboard results get RUN_ID'] },
  { name: 'agents', description: 'Agents you can message', examples: ['letta-switchboard agents list', 'letta-switchboard agents list --json | jq -r ".[].id"'] },
  {
    name: 'config',
    description: 'Settings: API key, base URL, default agent, time zone',
    examples: ['letta-switchboard config set-api-key -', 'letta-switchboard config check', 'letta-switchboard config show'],
  },
];

/**
 * Every command: its words and how to load its module (declaration and
 * handler, with what they import). The one lazy boundary: a run loads only the
 * module of the command it runs (a group's help, every module of the group).
 * A new command is one file and one line here.
 */
export const COMMANDS: CommandEntry[] = [
  { path: ['send'], load: async () => (await import('./send')).default },
  { path: ['onetime', 'create'], load: async () => (await import('./schedules/create')).default('one-time') },
  { path: ['onetime', 'list'], load: async () => (await import('./schedules/list')).default('one-time') },
  { path: ['onetime', 'get'], load: async () => (await import('./schedules/get')).default('one-time') },
  { path: ['onetime', 'delete'], load: async () => (await import('./schedules/delete')).default('one-time') },
  { path: ['onetime', 'edit'], load: async () => (await import('./schedules/edit')).default('one-time') },
  { path: ['recurring', 'create'], load: async () => (await import('./schedules/create')).default('recurring') },
  { path: ['recurring', 'list'], load: async () => (await import('./schedules/list')).default('recurring') },
  { path: ['recurring', 'get'], load: async () => (await import('./schedules/get')).default('recurring') },
  { path: ['recurring', 'delete'], load: async () => (await import('./schedules/delete')).default('recurring') },
  { path: ['recurring', 'edit'], load: async () => (await import('./schedules/edit')).default('recurring') },
  { path: ['recurring', 'adopt'], load: async () => (await import('./schedules/adopt')).default },
  { path: ['sync'], load: async () => (await import('./sync')).default },
  { path: ['export'], load: async () => (await import('./export')).default },
  { path: ['plan'], load: async () => (await import('./plan')).default },
  { path: ['apply'], load: async () => (await import('./apply')).default },
  { path: ['recurring', 'pause'], load: async () => (await import('./recurring/pause')).default },
  { path: ['recurring', 'resume'], load: async () => (await import('./recurring/resume')).default },
  { path: ['recurring', 'paused'], load: async () => (await import('./recurring/paused')).default },
  { path: ['run'], load: async () => (await import('./run')).default },
  { path: ['agenda'], load: async () => (await import('./agenda')).default },
  { path: ['status'], load: async () => (await import('./status')).default },
  { path: ['history'], load: async () => (await import('./history')).default },
  { path: ['results', 'list'], load: async () => (await import('./results/list')).default },
  { path: ['results', 'get'], load: async () => (await import('./results/get')).default },
  { path: ['agents', 'list'], load: async () => (await import('./agents/list')).default },
  { path: ['config', 'set-api-key'], load: async () => (await import('./config/set-api-key')).default },
  { path: ['config', 'set-url'], load: async () => (await import('./config/set-url')).default },
  { path: ['config', 'set-agent-id'], load: async () => (await import('./config/set-agent-id')).default },
  { path: ['config', 'set-timezone'], load: async () => (await import('./config/set-timezone')).default },
  { path: ['config', 'unset'], load: async () => (await import('./config/unset')).default },
  { path: ['config', 'show'], load: async () => (await import('./config/show')).default },
  { path: ['config', 'get'], load: async () => (await import('./config/get')).default },
  { path: ['config', 'check'], load: async () => (await import('./config/check')).default },
  { path: ['config', 'path'], load: async () => (await import('./config/path')).default },
  { path: ['parse'], load: async () => (await import('./parse')).default },
  { path: ['completion'], load: async () => (await import('./completion')).default },
];

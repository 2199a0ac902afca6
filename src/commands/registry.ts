import type { GroupDeclaration, RegisteredCommand } from './command';
import agenda from './agenda';
import agentsList from './agents/list';
import apply from './apply';
import completion from './completion';
import configCheck from './config/check';
import configGet from './config/get';
import configPath from './config/path';
import configSetAgentId from './config/set-agent-id';
import configSetApiKey from './config/set-api-key';
import configSetTimezone from './config/set-timezone';
import configSetUrl from './config/set-url';
import configShow from './config/show';
import configUnset from './config/unset';
import exportFiles from './export';
import parse from './parse';
import plan from './plan';
import recurringPause from './recurring/pause';
import recurringPaused from './recurring/paused';
import recurringResume from './recurring/resume';
import resultsGet from './results/get';
import resultsList from './results/list';
import run from './run';
import scheduleCreate from './schedules/create';
import recurringAdopt from './schedules/adopt';
import scheduleDelete from './schedules/delete';
import scheduleEdit from './schedules/edit';
import scheduleGet from './schedules/get';
import scheduleList from './schedules/list';
import send from './send';
import status from './status';
import history from './history';
import sync from './sync';

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

/** Every command, one a line. A new command is one file and one line here. */
export const COMMANDS: RegisteredCommand[] = [
  send,
  scheduleCreate('one-time'),
  scheduleList('one-time'),
  scheduleGet('one-time'),
  scheduleDelete('one-time'),
  scheduleEdit('one-time'),
  scheduleCreate('recurring'),
  scheduleList('recurring'),
  scheduleGet('recurring'),
  scheduleDelete('recurring'),
  scheduleEdit('recurring'),
  recurringAdopt,
  sync,
  exportFiles,
  plan,
  apply,
  recurringPause,
  recurringResume,
  recurringPaused,
  run,
  agenda,
  status,
  history,
  resultsList,
  resultsGet,
  agentsList,
  configSetApiKey,
  configSetUrl,
  configSetAgentId,
  configSetTimezone,
  configUnset,
  configShow,
  configGet,
  configCheck,
  configPath,
  parse,
  completion,
];

import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';
import { statePath, journalPath } from '../../state/store';

export default defineCommand({
  path: ['config', 'path'],
  description: 'Print the config file path (and, on stderr, the state file and its journal)',
  examples: ['letta-switchboard config path'],
  globals: ['output'],
  declare: (command: Command) => command,
  async run(rt) {
    const state = statePath(rt.env, rt.home);
    const journal = journalPath(rt.env, rt.home);
    if (rt.out.json) return rt.out.document({ config_file: rt.configPath, state_file: state, journal_file: journal });
    rt.out.line(rt.configPath);
    rt.out.note(`State file (the record of intent): ${state}`);
    rt.out.note(`Its journal (steps not yet folded in; there only while a command runs, or after one was killed): ${journal}`);
  },
});

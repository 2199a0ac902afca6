import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { withOurSuggestion } from '../../src/meant-command';

describe('an unknown top-level word is offered the commands it begins or nearly spells, and runs nothing', () => {
  it.each([
    [['rec'], 'rec', "'recurring'"],
    [['recur', 'list'], 'recur', "'recurring'"],
    [['--json', 'rec'], 'rec', "'recurring'"],
    [['ag'], 'ag', "'agenda' or 'agents'"],
    [['re'], 're', "'recurring' or 'results'"],
    [['ex'], 'ex', "'export'"],
    [['sned'], 'sned', "'send'"],
    // A subcommand's name without its group: every group that has it.
    [['list'], 'list', "'onetime list', 'recurring list', 'results list' or 'agents list'"],
    [['del', 'sch_123'], 'del', "'onetime delete' or 'recurring delete'"],
    [['adopt'], 'adopt', "'recurring adopt'"],
    // What commands are about.
    [['sch'], 'sch', "'onetime' or 'recurring'"],
    [['schedules', 'list'], 'schedules', "'onetime' or 'recurring'"],
    [['cron'], 'cron', "'recurring'"],
  ])('%j (the word %s): exit 2, Did you mean %s?', async (args, word, meant) => {
    const r = await runCli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `Error: Unknown command '${word}'\nDid you mean ${meant}?\n`]);
  });

  it.each([['s'], ['zzz'], ['frobnicate']])('%s, near nothing: exit 2 and where the list is', async (word) => {
    const r = await runCli([word]);
    expect([r.code, r.stderr]).toEqual([2, `Error: Unknown command '${word}'\nRun 'letta-switchboard --help' for the list.\n`]);
  });

  it('the same under help', async () => {
    const top = await runCli(['help', 'rec']);
    expect([top.code, top.stderr]).toEqual([2, "Error: Unknown command 'rec'\nDid you mean 'help recurring'?\n"]);
    const sub = await runCli(['help', 'onetime', 'del']);
    expect([sub.code, sub.stderr]).toEqual([2, "Error: Unknown command 'onetime del'\nDid you mean 'help onetime delete'?\n"]);
  });
});

describe('an unknown option gets its suggestion said as a command does', () => {
  it.each([
    [['send', '--mesage', 'hi'], '--mesage', "'--message'", 'send'],
    [['recurring', 'list', '--jsn'], '--jsn', "'--json'", 'recurring list'],
  ])('%j: exit 2, Did you mean %s?', async (args, word, meant, command) => {
    const r = await runCli(args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`Error: Unknown option '${word}'\nDid you mean ${meant}?\nUsage: letta-switchboard ${command} [options]\n`);
  });

  it('several near options are offered as several near commands are', () => {
    expect(withOurSuggestion("Error: Unknown option '--ab'\n(Did you mean one of --abc, --abd?)\n")).toBe("Error: Unknown option '--ab'\nDid you mean '--abc' or '--abd'?\n");
  });
});

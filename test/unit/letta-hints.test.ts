import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  AmbiguousAgentError,
  ApiError,
  AuthError,
  CreateMayHaveLandedError,
  DeleteMayHaveLandedError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  RedirectRefusedError,
  RouteMissingError,
  UsageError,
  WrongKindError,
} from '../../src/errors';
import { commandWords, hintFor } from '../../src/hints';

const A = 'agent-11111111-1111-1111-1111-111111111111';

describe('hints written at the edge from the facts errors carry', () => {
  it.each([
    ['flag', /--api-key/],
    ['env', /LETTA_API_KEY: set it to a valid key, or unset it/],
    ['file', /the config file: replace it with 'letta-switchboard config set-api-key -'/],
    ['legacy file', /Go CLI's old config \(~\/\.letta-switchboard\/config\.yaml\)/],
  ] as const)('a refused key from the %s says where it came from', (keySource, hint) => {
    expect(hintFor(new AuthError('Letta answered 401 Unauthorized', undefined, { status: 401, keySource }))).toMatch(hint);
  });

  it('a refused key of unknown origin, and no key at all, say how to set one', () => {
    expect(hintFor(new AuthError('Letta answered 403 Forbidden', undefined, { status: 403 }))).toBe('Check your API key: letta-switchboard config set-api-key - (or set LETTA_API_KEY).');
    expect(hintFor(new AuthError('No API key set'))).toBe("Run 'letta-switchboard config set-api-key -' and paste your key, or set LETTA_API_KEY.");
  });

  it.each([
    [['onetime', 'delete'], 'recurring', 'Use: letta-switchboard recurring delete sm-7'],
    [['recurring', 'get'], 'one-time', 'Use: letta-switchboard onetime get sm-7'],
    // One-time schedules have no pause, resume or adopt: the hint names no command that does not exist.
    [['recurring', 'pause'], 'one-time', 'A one-time schedule has no pause. See it with: letta-switchboard onetime get sm-7'],
    [['recurring', 'resume'], 'one-time', 'A one-time schedule has no resume. See it with: letta-switchboard onetime get sm-7'],
    [['recurring', 'adopt'], 'one-time', 'A one-time schedule has no adopt. See it with: letta-switchboard onetime get sm-7'],
    [['onetime', 'edit'], 'recurring', 'Use: letta-switchboard recurring edit sm-7'],
    [[], 'recurring', 'Use: letta-switchboard recurring get sm-7'],
  ] as const)('a wrong kind under %j names the verb for the %s kind', (command, actual, hint) => {
    const wanted = actual === 'recurring' ? 'one-time' : 'recurring';
    expect(hintFor(new WrongKindError('sm-7', actual, wanted, A), { command })).toBe(hint);
  });

  it.each([
    ['one-time', `The schedule may have been created. Check with 'letta-switchboard onetime list --agent-id ${A}' before trying again.`],
    ['recurring', `The schedule may have been created. Check with 'letta-switchboard recurring list --agent-id ${A}' before trying again.`],
    ['message', `The message may have been delivered. Check with 'letta-switchboard results list --agent-id ${A}' before trying again.`],
    ['async message', `The message may have been queued. Check with 'letta-switchboard results list --agent-id ${A}' before trying again.`],
  ] as const)('a %s that may have landed says how to look before retrying', (kind, hint) => {
    const error = new CreateMayHaveLandedError(new NetworkError('No answer', undefined, 'timeout'), A, kind);
    expect(error.exitCode).toBe(5);
    expect(hintFor(error)).toBe(hint);
  });

  it('a resume whose create may have landed says to run it again (it finds that copy), not to look first', () => {
    const error = new CreateMayHaveLandedError(new NetworkError('No answer', undefined, 'timeout'), A, 'recurring');
    expect(hintFor(error, { command: ['recurring', 'resume'] })).toBe('The schedule may have been created again. Run the resume again: it finds that copy and creates no other.');
  });

  it('network, routes, redirects, names', () => {
    expect(hintFor(new NetworkError('No answer', undefined, 'timeout'))).toBe('Raise the limit with --timeout MS, or check the server.');
    expect(hintFor(new NetworkError('Cannot reach', undefined, 'unreachable'))).toBe('Check the base URL (letta-switchboard config show) and your network.');
    expect(hintFor(new NetworkError('The connection failed (ECONNRESET)', undefined, 'cut'))).toBe(
      'The server or a proxy between closed the connection. Try again; if it keeps failing, check the base URL (letta-switchboard config show) and your network.',
    );
    expect(hintFor(new NetworkError('Could not notify https://hooks.example: ECONNRESET'))).toBeUndefined();
    // A delete cut so keeps its own hint: it may have been done.
    expect(hintFor(new DeleteMayHaveLandedError('The connection failed (ECONNRESET)', 'run it again', 'cut'))).toBe('run it again');
    expect(hintFor(new RouteMissingError('Letta answered 405', 405, 'schedules'))).toMatch(/^Schedules are a Letta Cloud feature/);
    expect(new RouteMissingError('x', 404, 'schedules').exitCode).toBe(3);
    expect(new RouteMissingError('x', 405, 'schedules').exitCode).toBe(1);
    expect(hintFor(new RedirectRefusedError('redirect', 307, 'https://elsewhere.example'))).toBe('If the API moved, set the new address with letta-switchboard config set-url URL.');
    expect(hintFor(new AmbiguousAgentError('twin', ['agent-1', 'agent-2']))).toBe('Pass one of these ids with --agent-id.');
    expect(hintFor(new NotFoundError("No agent named 'x'", undefined, { what: 'agent', name: 'x' }))).toBe('List your agents with: letta-switchboard agents list');
    expect(hintFor(new NotFoundError('No schedule', undefined, { what: 'schedule', id: 's', agentsSearched: 3 }), { command: ['recurring', 'get'] })).toBe(
      'Check the id with: letta-switchboard recurring list --all-agents',
    );
  });

  it('errors without such facts keep the hint they were given; others have none', () => {
    expect(hintFor(new UsageError('bad', 'Try this.'))).toBe('Try this.');
    expect(hintFor(new ApiError('Letta answered 500', 500))).toBeUndefined();
    expect(hintFor(new MalformedResponseError('Unexpected answer', 'the run', 'id'))).toBeUndefined();
    expect(new MalformedResponseError('x', 'y')).not.toBeInstanceOf(ApiError);
    expect(hintFor(new Error('plain'))).toBeUndefined();
    expect(hintFor('text')).toBeUndefined();
  });
});

describe('the command words an argv reaches', () => {
  const program = new Command('letta-switchboard');
  for (const noun of ['onetime', 'recurring']) {
    const group = program.command(noun);
    for (const verb of ['list', 'get', 'delete']) group.command(verb);
  }
  program.command('send');

  it.each([
    [
      ['--tz', 'UTC', 'onetime', 'delete', 'sm-1'],
      ['onetime', 'delete'],
    ],
    [
      ['recurring', '--agent-id', 'bot', 'get', 'get'],
      ['recurring', 'get'],
    ],
    [['send', '--message', 'list'], ['send']],
    [['nothing'], []],
  ])('%j -> %j', (args, words) => expect(commandWords(program, ['node', 'letta-switchboard', ...args])).toEqual(words));
});

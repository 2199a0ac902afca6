import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { loadSpec, requestSchema, SPEC_PATH, validate } from '../helpers/openapi';
import { cliEnv, runCli } from '../helpers/run-cli';

const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const spec = loadSpec();
if (!spec) console.warn(`Skipping the OpenAPI contract test: ${SPEC_PATH} is not there.`);

/**
 * Every request body the CLI sends, checked against Letta's published schemas.
 * (The fake server checks every body in every end-to-end test; this file makes
 * sure each kind of body is sent at least once and that the check is live.)
 */
describe.skipIf(!spec)('request bodies match the OpenAPI spec', () => {
  let letta: FakeLetta;
  beforeAll(async () => {
    letta = await new FakeLetta().start();
  });
  afterAll(() => letta.stop());

  it('for every command that sends a body', async () => {
    const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY, LETTA_AGENT_ID: AGENT });
    for (const args of [
      ['send', '--message', 'now'],
      ['send', '--message', 'async', '--async', '--role', 'system'],
      ['send', '--message', 'later', '--execute-at', 'in 2 hours'],
      ['onetime', 'create', '--message', 'later', '--execute-at', 'tomorrow at 9am', '--role', 'assistant'],
      ['recurring', 'create', '--message', 'every', '--cron', 'every weekday at 10am'],
    ]) {
      expect((await runCli(args, { env })).code, args.join(' ')).toBe(0);
    }
    expect(letta.requests('POST')).toHaveLength(5);
    expect(letta.specProblems).toEqual([]);
  });

  it('and the check itself catches a body that does not fit', () => {
    const schema = requestSchema('post', '/v1/agents/{agent_id}/schedule')!;
    expect(schema).toBeDefined();
    const problems = validate({ schedule: { type: 'recurring' }, messages: [{ role: 'robot', content: 'x' }] }, schema);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/schedule: matches 0 of the oneOf options/);
    expect(problems.join('\n')).toMatch(/messages\[0\]\.role: "robot" not in/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { loadSpec, requestSchema, validate } from '../helpers/openapi';
import { cliEnv, runCli } from '../helpers/run-cli';

const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const spec = loadSpec();

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
    const problems = validate({ schedule: { type: 'recurring' }, messages: [{ role: 'robot', content: 'x' }] }, schema).join('\n');
    expect(problems).toMatch(/body\.schedule: must match exactly one schema in oneOf/);
    expect(problems).toMatch(/body\.messages\[0\]\.role: must be equal to one of the allowed values/);
    expect(validate({ schedule: { type: 'one-time', scheduled_at: 1 }, messages: [{ role: 'user', content: 'x' }] }, schema)).toEqual([]);
  });

  it('with every keyword a real validator knows: pattern, minimum, additionalProperties, formats', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string', pattern: '^agent-' }, n: { type: 'integer', minimum: 1 }, url: { type: 'string', format: 'uri' } },
      additionalProperties: false,
    };
    expect(validate({ id: 'agent-1', n: 1, url: 'https://x.example' }, schema)).toEqual([]);
    const problems = validate({ id: 'bot', n: 0, url: 'not a url', extra: true }, schema).join('\n');
    expect(problems).toContain('body.id: must match pattern');
    expect(problems).toContain('body.n: must be >= 1');
    expect(problems).toContain('body.url: must match format "uri"');
    expect(problems).toContain('body: must NOT have additional properties');
  });
});

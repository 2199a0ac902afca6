import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';

const BOT = 'agent-11111111-1111-1111-1111-111111111111';

describe('several ids', () => {
  const suite = useHarness();

  it.each([
    ['recurring', 'delete'],
    ['onetime', 'delete'],
    ['recurring', 'pause'],
    ['recurring', 'resume'],
  ])('%s %s of ids that are all not found ends with exit 3, like one id does', async (noun, verb) => {
    const r = await suite.run([noun, verb, 'sm-nope-1', 'sm-nope-2', ...(verb === 'resume' ? [] : ['--agent-id', BOT])]);
    expect(r.stderr).toContain('sm-nope-2');
    expect(r.code).toBe(3);
  });

  it('a mix of not found and another failure stays exit 1', async () => {
    suite.letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule\/sm-bad$/, { status: 400, body: '{"detail":"bad id"}' });
    const r = await suite.run(['recurring', 'delete', 'sm-nope', 'sm-bad', '--agent-id', BOT]);
    expect(r.code).toBe(1);
  });
});

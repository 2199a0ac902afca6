import { describe, expect, it } from 'vitest';
import { needsConfirmation, planPause, planResume, resumeCron } from '../../src/commands/recurring/pause-plan';
import { recreateBody, runBody } from '../../src/commands/shared/schedule-copy';
import { sameSchedule } from '../../src/sync/same-schedule';
import { agendaSchedule } from '../../src/agenda/sources';
import type { ScheduledMessage } from '../../src/letta/types';

const schedule: ScheduledMessage = {
  id: 'sm-1',
  agent_id: 'agent-1',
  message: {
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: 'Daily standup, please' },
    ],
    max_steps: 7,
    callback_url: 'https://example.com/hook',
    include_return_message_types: ['assistant_message'],
    some_future_field: 'kept out of requests',
  },
  schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' },
  next_scheduled_time: '2027-03-10T14:00:00Z',
};

describe('copies of a schedule', () => {
  it('runs with exactly its messages and the options /messages accepts', () => {
    expect(runBody(schedule, false)).toEqual({
      messages: schedule.message.messages,
      max_steps: 7,
      include_return_message_types: ['assistant_message'],
    });
    expect(runBody(schedule, true)).toEqual({
      messages: schedule.message.messages,
      max_steps: 7,
      include_return_message_types: ['assistant_message'],
      callback_url: 'https://example.com/hook',
    });
    expect(runBody({ ...schedule, message: { messages: [{ role: 'user', content: 'x' }], max_steps: null } }, false)).toEqual({ messages: [{ role: 'user', content: 'x' }] });
  });

  it('re-creates with every field it had and the timing given', () => {
    const body = recreateBody(schedule, { type: 'recurring', cron_expression: '0 13 * * 1-5' });
    expect(body).toEqual({
      schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' },
      messages: schedule.message.messages,
      max_steps: 7,
      callback_url: 'https://example.com/hook',
      include_return_message_types: ['assistant_message'],
    });
    const stored = { ...schedule, id: 'sm-2', schedule: { type: 'recurring' as const, cron_expression: '0 13 * * 1-5' } };
    expect(sameSchedule(body, stored)).toBe(true);
    expect(sameSchedule(body, schedule)).toBe(false);
    expect(sameSchedule(body, { ...stored, message: { messages: [schedule.message.messages[1]!] } })).toBe(false);
  });

  it('turns a schedule into an agenda entry with all its text', () => {
    expect(agendaSchedule(schedule, { agentName: 'support-bot', pausedSince: '2027-03-01T00:00:00Z' })).toEqual({
      id: 'sm-1',
      agentId: 'agent-1',
      agentName: 'support-bot',
      kind: 'recurring',
      cron: '0 14 * * 1-5',
      text: 'Be brief.\nDaily standup, please',
      pausedSince: '2027-03-01T00:00:00Z',
    });
  });
});

describe('pause and resume plans', () => {
  const body = recreateBody(schedule, { type: 'recurring', cron_expression: '0 14 * * 1-5' });
  const twin = { ...schedule, id: 'sm-9' };

  it('asks before pausing more than five only when a person is at a terminal and --yes is absent', () => {
    expect(needsConfirmation(6, { interactive: true, yes: false })).toBe(true);
    expect(needsConfirmation(5, { interactive: true, yes: false })).toBe(false);
    expect(needsConfirmation(6, { interactive: false, yes: false })).toBe(false);
    expect(needsConfirmation(6, { interactive: true, yes: true })).toBe(false);
  });

  it('pauses what Letta has, finishes a pause whose delete failed, and leaves a done pause alone', () => {
    expect(planPause(true, false).action).toBe('save-and-delete');
    expect(planPause(true, true).action).toBe('delete-again');
    expect(planPause(false, true).action).toBe('already-paused');
    expect(planPause(false, false).action).toBe('not-found');
  });

  it('creates nothing when the old schedule is still there or an earlier attempt landed', () => {
    const attemptedAt = { at: '2026-11-22T15:00:00.000Z' };
    expect(planResume('sm-1', body, [schedule], undefined, schedule)).toEqual({ action: 'still-in-letta' });
    expect(planResume('sm-1', body, [twin], attemptedAt, schedule)).toEqual({ action: 'adopt', id: 'sm-9' });
    expect(planResume('sm-1', body, [twin], undefined, schedule)).toEqual({ action: 'create' });
    expect(planResume('sm-1', body, [], attemptedAt, schedule)).toEqual({ action: 'create' });
    // A look-alike made a day before the attempt was sent is someone else's.
    expect(planResume('sm-1', body, [{ ...twin, created_at: '2026-11-21T15:00:00.000Z' }], attemptedAt, schedule)).toEqual({ action: 'create' });
  });

  it('another schedule under the old id (another server hands out the same ids) is not the paused one: nothing created, nothing dropped', () => {
    const other = { ...schedule, schedule: { type: 'recurring', cron_expression: '30 6 * * *' } } as typeof schedule;
    expect(planResume('sm-1', body, [other], undefined, schedule)).toEqual({ action: 'id-taken', by: other });
    const words = { ...schedule, message: { messages: [{ role: 'user', content: 'Something else' }] } } as typeof schedule;
    expect(planResume('sm-1', body, [words], { at: '2026-11-22T15:00:00.000Z' }, schedule)).toEqual({ action: 'id-taken', by: words });
    expect(planPause(true, true, false).action).toBe('id-taken');
    expect(planPause(true, true, true).action).toBe('delete-again');
  });
});

describe('the cron a resumed schedule gets', () => {
  const winter = Date.parse('2026-11-22T15:00:00Z');
  const summer = Date.parse('2027-04-06T15:00:00Z');
  const made = { kind: 'recurring', zone: 'America/New_York', local_rule: '0 9 * * 1-5' };

  it('follows a local rule under the offset in force when it is resumed', () => {
    expect(resumeCron('0 14 * * 1-5', made, winter)).toBe('0 14 * * 1-5');
    expect(resumeCron('0 14 * * 1-5', made, summer)).toBe('0 13 * * 1-5');
    expect(resumeCron('0 22 * * *', { kind: 'recurring', zone: 'Australia/Sydney', local_rule: '0 9 * * *' }, Date.parse('2027-04-10T00:00:00Z'))).toBe('0 23 * * *');
    expect(resumeCron('30 3 * * *', { kind: 'recurring', zone: 'Asia/Kolkata', local_rule: '0 9 * * *' }, summer)).toBe('30 3 * * *');
  });

  it('keeps the cron it had without a record, for a UTC rule, or for a rule that is no cron', () => {
    expect(resumeCron('0 14 * * 1-5', undefined, summer)).toBe('0 14 * * 1-5');
    expect(resumeCron('0 14 * * 1-5', { kind: 'recurring', zone: 'UTC', local_rule: '0 14 * * 1-5' }, summer)).toBe('0 14 * * 1-5');
    expect(resumeCron('0 */2 * * *', { ...made, local_rule: 'every 2 hours' }, summer)).toBe('0 */2 * * *');
    expect(resumeCron('5 4 * * *', { ...made, kind: 'one-time' }, summer)).toBe('5 4 * * *');
  });
});

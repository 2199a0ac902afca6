import { describe, expect, it } from 'vitest';
import type { ScheduledMessage } from '../../src/letta/types';
import { editedBody, guardEdit } from '../../src/sync/edit';

const old: ScheduledMessage = {
  id: 'sm-1',
  agent_id: 'agent-1',
  schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' },
  next_scheduled_time: null,
  message: {
    messages: [
      {
        role: 'system',
        content: [
          { type: 'text', text: 'one' },
          { type: 'image', source: { type: 'base64', data: 'AA==', media_type: 'image/png' } },
        ],
      },
    ],
    callback_url: 'https://example.com/hook',
    max_steps: 3,
    include_return_message_types: ['assistant_message', 'tool_call_message'],
    created_by: 'someone',
  },
};

describe('editing a schedule', () => {
  it('carries every field the user did not change', () => {
    const { body, changed } = editedBody(old, { schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' } });
    expect(body).toEqual({
      schedule: { type: 'recurring', cron_expression: '0 13 * * 1-5' },
      messages: old.message.messages,
      callback_url: 'https://example.com/hook',
      max_steps: 3,
      include_return_message_types: ['assistant_message', 'tool_call_message'],
    });
    expect(changed).toEqual(['cron 0 14 * * 1-5 → 0 13 * * 1-5']);
  });

  const image = { type: 'image', source: { type: 'base64', data: 'AA==', media_type: 'image/png' } };

  it("replaces the message's text, keeping its other parts and its role unless a role is given, and says what it kept", () => {
    const edited = editedBody(old, { message: 'new text' });
    expect(edited.body.messages).toEqual([{ role: 'system', content: [{ type: 'text', text: 'new text' }, image] }]);
    expect(edited.changed).toEqual(['message text (kept: 1 part of another kind (image))']);
    const { body, changed } = editedBody(old, { role: 'user' });
    expect(body.messages[0]).toEqual({ ...old.message.messages[0], role: 'user' });
    expect(changed).toEqual(['role → user']);
    expect(editedBody(old, {}).changed).toEqual([]);
  });

  it('names both a new message and a new role given together', () => {
    const { body, changed } = editedBody(old, { message: 'new text', role: 'user' });
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'new text' }, image] }]);
    expect(changed).toEqual(['message text (kept: 1 part of another kind (image))', 'role → user']);
  });

  it('a message of text alone is replaced whole; the other messages are carried, said', () => {
    const plain: ScheduledMessage = {
      ...old,
      message: {
        messages: [
          { role: 'user', content: 'one' },
          { role: 'user', content: 'two' },
        ],
      },
    };
    const { body, changed } = editedBody(plain, { message: 'new text' });
    expect(body.messages).toEqual([
      { role: 'user', content: 'new text' },
      { role: 'user', content: 'two' },
    ]);
    expect(changed).toEqual(['message text (kept: 1 other message)']);
    const single: ScheduledMessage = { ...old, message: { messages: [{ role: 'user', content: [{ type: 'text', text: 'one' }] }] } };
    expect(editedBody(single, { message: 'new text' })).toMatchObject({ body: { messages: [{ role: 'user', content: 'new text' }] }, changed: ['message'] });
  });

  it('refuses when the old schedule fires within the next minute, unless forced', () => {
    const now = Date.parse('2026-12-01T13:59:30Z');
    expect(() => guardEdit(old, now, false)).toThrow(/fires in 30 s/);
    expect(() => guardEdit(old, now, true)).not.toThrow();
    expect(() => guardEdit(old, Date.parse('2026-12-01T13:58:00Z'), false)).not.toThrow();
  });
});

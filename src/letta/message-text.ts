/** A message's text as a list of text parts, whichever way it was written (a string, or parts). */
export function contentParts(content: unknown): unknown[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [content ?? null];
  return content.map((part) =>
    part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' && ((part as { type?: unknown }).type ?? 'text') === 'text'
      ? { type: 'text', text: (part as { text: string }).text }
      : part,
  );
}

/**
 * A fingerprint of messages: each one's role and text (what sameMessages compares, the defaults a server fills in
 * aside), hashed. What the record of intent keeps to know a copy of a schedule made on another machine, rather than
 * the messages themselves, which may be long and would be kept again with every record of the schedule.
 */
export function messagesKey(messages: unknown): string | undefined {
  if (!Array.isArray(messages)) return undefined;
  const said = messages.map((message) => {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    return [role ?? null, contentParts(content)];
  });
  return `sha256:${process.getBuiltinModule('node:crypto').createHash('sha256').update(JSON.stringify(said)).digest('base64url')}`;
}

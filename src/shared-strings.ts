/**
 * Make every repeated string in parsed JSON (`value`, changed in place) the same string: JSON.parse
 * makes a new one for each occurrence, so a record of a thousand schedules of one agent in one zone
 * held the agent's id, the server, the zone and the rule a thousand times each.
 */
export function shareRepeatedStrings<T>(value: T): T {
  const seen = new Map<string, string>();
  const share = (text: string) => {
    // V8's JSON.parse already makes one string of each short value.
    if (text.length <= 10) return text;
    const first = seen.get(text);
    if (first !== undefined) return first;
    seen.set(text, text);
    return text;
  };
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const element: unknown = item[i];
        if (typeof element === 'string') item[i] = share(element);
        else if (typeof element === 'object' && element !== null) pending.push(element);
      }
    } else if (typeof item === 'object' && item !== null) {
      const holder = item as Record<string, unknown>;
      for (const key in holder) {
        const field = holder[key];
        if (typeof field === 'string') holder[key] = share(field);
        else if (typeof field === 'object' && field !== null) pending.push(field);
      }
    }
  }
  return value;
}

/**
 * Make every repeated string in parsed JSON (`value`, changed in place) the same string: JSON.parse
 * makes a new one for each occurrence, so a record of a thousand schedules of one agent in one zone
 * held the agent's id, the server, the zone and the rule a thousand times each. `seen` may be shared
 * by several parses (the pages of one list); it holds every string met until it is dropped.
 */
export function shareRepeatedStrings<T>(value: T, seen: Map<string, string> = new Map()): T {
  const share = (text: string) => {
    const first = seen.get(text);
    if (first !== undefined) return first;
    seen.set(text, text);
    return text;
  };
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    const holder = item as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const field = holder[key];
      if (typeof field === 'string') holder[key] = share(field);
      else if (typeof field === 'object' && field !== null) pending.push(field);
    }
  }
  return value;
}

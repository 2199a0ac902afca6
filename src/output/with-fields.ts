/**
 * A record with fields added after its own, printed as `{ ...record, ...fields }`
 * is, without making that copy: a list's --json adds a field or two to each of
 * thousands of records, and a copy with one more key costs about as much as
 * printing the record. Anything that serialises it (JSON.stringify, indented
 * or not) gets the copy through toJSON; compactJson writes it without one.
 */
export class WithFields {
  constructor(
    readonly record: object,
    readonly fields: Record<string, unknown>,
  ) {}

  toJSON(): unknown {
    const copy: { toJSON?: unknown } = { ...this.record, ...this.fields };
    // JSON.stringify asks a value's toJSON once, so the copy's own (if any) is asked here.
    return typeof copy.toJSON === 'function' ? (copy.toJSON as () => unknown)() : copy;
  }
}

/** JSON.stringify(value), a WithFields written as the record's own JSON with the fields' appended when that is the same text. */
export function compactJson(value: unknown): string {
  if (!(value instanceof WithFields)) return JSON.stringify(value);
  const { record, fields } = value;
  if (!appendable(record, fields)) return JSON.stringify(value);
  const own = JSON.stringify(record);
  const added = JSON.stringify(fields);
  if (added === '{}') return own;
  return own === '{}' ? added : `${own.slice(0, -1)},${added.slice(1)}`;
}

/**
 * Whether the copy's JSON is the record's followed by the fields': not when the
 * record serialises itself or is a list, when it already has one of the fields
 * (the copy keeps it where it stood), or when a field's name is a number (an
 * object lists those first).
 */
function appendable(record: object, fields: Record<string, unknown>): boolean {
  if (Array.isArray(record) || typeof (record as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in fields) if (Object.hasOwn(record, key) || /^\d+$/.test(key)) return false;
  return true;
}

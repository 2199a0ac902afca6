import { ApiError } from '../errors';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/**
 * Check that an answer has the fields the CLI relies on, naming the first that
 * does not. Extra fields are fine: newer servers add them.
 */
export function expectShape<T>(value: unknown, what: string, fields: Record<string, Kind | `${Kind}?`>): T {
  if (kindOf(value) !== 'object') {
    throw new ApiError(`Unexpected answer from Letta for ${what}: expected an object, got ${kindOf(value)}`, 200);
  }
  const record = value as Record<string, unknown>;
  for (const [field, spec] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '');
    const actual = record[field];
    if (actual === undefined || (optional && actual === null)) {
      if (optional) continue;
      throw new ApiError(`Unexpected answer from Letta for ${what}: the field '${field}' is missing`, 200);
    }
    if (kindOf(actual) !== kind) {
      throw new ApiError(`Unexpected answer from Letta for ${what}: the field '${field}' is ${kindOf(actual)}, expected ${kind}`, 200);
    }
  }
  return value as T;
}

export function expectArray<T>(value: unknown, what: string, check: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new ApiError(`Unexpected answer from Letta for ${what}: expected a list, got ${kindOf(value)}`, 200);
  return value.map(check);
}

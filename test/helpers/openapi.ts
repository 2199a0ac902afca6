import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Letta's public OpenAPI spec, kept beside the repo (never committed into it). */
export const SPEC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'letta-openapi.json');

type Schema = Record<string, any>;
let spec: Schema | null | undefined;

export function loadSpec(): Schema | null {
  if (spec === undefined) spec = existsSync(SPEC_PATH) ? (JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Schema) : null;
  return spec;
}

/** The request-body schema for a method and templated path, e.g. ('post', '/v1/agents/{agent_id}/schedule'). */
export function requestSchema(method: string, path: string): Schema | undefined {
  return loadSpec()?.paths?.[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

/**
 * Check a value against the subset of JSON Schema the spec uses (type, enum,
 * properties, required, items, oneOf/anyOf, nullable, $ref). Returns the problems found.
 */
export function validate(value: unknown, schema: Schema, at = 'body'): string[] {
  if (schema.$ref) {
    const target = (schema.$ref as string).replace(/^#\//, '').split('/').reduce((node: any, key) => node?.[key], loadSpec());
    return target ? validate(value, target, at) : [`${at}: unresolved ${schema.$ref}`];
  }
  if (value === null && (schema.nullable || schema.type === 'null')) return [];
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (schema[key]) {
      const matches = (schema[key] as Schema[]).filter((option) => validate(value, option, at).length === 0).length;
      if (key === 'oneOf' ? matches !== 1 : matches === 0) return [`${at}: matches ${matches} of the ${key} options`];
    }
  }
  if (schema.allOf) return (schema.allOf as Schema[]).flatMap((part) => validate(value, part, at));
  const problems: string[] = [];
  const type = schema.type as string | string[] | undefined;
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'));
    if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in (value as object))) problems.push(`${at}.${key}: required`);
    }
    for (const [key, sub] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) problems.push(...validate(v, sub, `${at}.${key}`));
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items as Schema, `${at}[${i}]`)));
  return problems;
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Letta's public OpenAPI spec, kept beside the repo (never committed into it). */
export const SPEC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'letta-openapi.json');

export type Schema = Record<string, unknown>;
type Spec = { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>; components?: unknown };

let spec: Spec | null | undefined;

export function loadSpec(): Spec | null {
  if (spec === undefined) spec = existsSync(SPEC_PATH) ? (JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec) : null;
  if (spec === null) warnOnce();
  return spec;
}

let warned = false;
function warnOnce() {
  if (!warned) console.warn(`Request bodies are not checked against Letta's schemas: ${SPEC_PATH} is not there.`);
  warned = true;
}

/** The request-body schema for a method and templated path, e.g. ('post', '/v1/agents/{agent_id}/schedule'). */
export function requestSchema(method: string, path: string): Schema | undefined {
  return loadSpec()?.paths?.[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

// A real JSON Schema validator: every keyword the spec uses counts (pattern, minimum, additionalProperties, formats, nullable, ...).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<Schema, ValidateFunction>();

/** The problems of `value` against `schema` (its $refs resolved in the spec), as "body.path: message" lines. */
export function validate(value: unknown, schema: Schema): string[] {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile({ ...schema, components: loadSpec()?.components });
    compiled.set(schema, check);
  }
  return check(value) ? [] : (check.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const at = `body${error.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}`;
  const detail = error.keyword === 'enum' ? ` (${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)})` : '';
  return `${at}: ${error.message ?? error.keyword}${detail}`;
}

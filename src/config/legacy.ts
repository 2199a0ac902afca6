/**
 * The Go CLI's ~/.letta-switchboard/config.yaml, read only for its top-level
 * `api_key`. Enough YAML for one scalar: plain (a ` #` starts a comment),
 * 'single-quoted' ('' is a quote), "double-quoted" (backslash escapes), and
 * `|` / `>` blocks.
 */
export function parseLegacyApiKey(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:api_key|"api_key"|'api_key')[ \t]*:(?:[ \t]+(.*))?$/.exec(lines[i]!);
    if (!m) continue;
    const raw = (m[1] ?? '').trim();
    const value = /^[|>][+-]?(?:[ \t]+#.*)?$/.test(raw) ? blockScalar(lines.slice(i + 1), raw[0] === '>') : scalar(raw);
    return value === undefined || value === '' ? undefined : value.trim();
  }
  return undefined;
}

/**
 * Whether the file has an `api_key` line with a value (not empty, not null)
 * that `parseLegacyApiKey` could not read as one YAML scalar: indented, a
 * quote never closed, a list.
 */
export function hasUnreadableLegacyApiKey(text: string): boolean {
  if (parseLegacyApiKey(text) !== undefined) return false;
  return text.split(/\r?\n/).some((line) => {
    const value = /^[ \t]*(?:api_key|"api_key"|'api_key')[ \t]*:(.*)$/
      .exec(line)?.[1]
      ?.replace(/(^|[ \t])#.*$/, '')
      .trim();
    return value !== undefined && !NULLS.has(value) && value !== '""' && value !== "''";
  });
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

function scalar(raw: string): string | undefined {
  if (raw.startsWith('"')) return doubleQuoted(raw);
  if (raw.startsWith("'")) return singleQuoted(raw);
  const plain = raw.replace(/(^|[ \t])#.*$/, '').trim();
  // A YAML indicator first ("[oops", "{a: b}", "&anchor") starts no plain scalar: not a key, as a quote never closed is not.
  if (/^[[\]{}&*!%@`]/.test(plain)) return undefined;
  return NULLS.has(plain) ? undefined : plain;
}

function singleQuoted(raw: string): string | undefined {
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] !== "'") value += raw[i];
    else if (raw[i + 1] === "'") value += raw[++i];
    else return value;
  }
  return undefined; // never closed
}

const ESCAPES: Record<string, string> = { '0': '\0', t: '\t', n: '\n', r: '\r', '"': '"', '\\': '\\', '/': '/', ' ': ' ', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuoted(raw: string): string | undefined {
  let value = '';
  for (let i = 1; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '"') return value;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const code = raw[++i] ?? '';
    const digits = HEX_DIGITS[code];
    if (digits !== undefined) {
      const hex = raw.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
      value += String.fromCodePoint(parseInt(hex, 16));
      i += digits;
    } else if (ESCAPES[code] !== undefined) {
      value += ESCAPES[code];
    } else {
      return undefined; // not YAML
    }
  }
  return undefined; // never closed
}

/** The indented lines after `key: |` or `key: >`. */
function blockScalar(following: string[], folded: boolean): string | undefined {
  const body: string[] = [];
  for (const line of following) {
    if (line.trim() !== '' && !/^[ \t]/.test(line)) break;
    body.push(line.trim());
  }
  return body.join(folded ? ' ' : '\n').trim();
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonScanner } from '../../src/files/json-scanner';

/** The text pushed in the pieces `cuts` makes, walked down to `walk` deep; the value rebuilt from what the scanner handed out, or undefined when it refused the text. */
function scanned(text: string, cuts: number[], walk: number): { value: unknown } | undefined {
  const stack: Array<{ container: unknown[] | Record<string, unknown>; key?: string }> = [];
  let root: unknown;
  const put = (value: unknown) => {
    const top = stack[stack.length - 1];
    if (top === undefined) root = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    // An own field whatever its name (`__proto__` too), in the place of its first appearance, as JSON.parse does.
    else Object.defineProperty(top.container, top.key!, { value, enumerable: true, writable: true, configurable: true });
  };
  const scanner = new JsonScanner(
    {
      open: (_, array) => {
        const container = array ? [] : {};
        put(container);
        stack.push({ container });
        return true;
      },
      close: () => (stack.pop(), true),
      key: (_, name) => ((stack[stack.length - 1]!.key = name), true),
      value: (_, value) => (put(value), true),
    },
    (depth) => depth >= walk,
  );
  let from = 0;
  for (const cut of [...cuts.map((cut) => cut % (text.length + 1)).sort((a, b) => a - b), text.length]) {
    if (!scanner.push(text.slice(from, cut))) return undefined;
    from = cut;
  }
  return scanner.end() && !scanner.blank ? { value: root } : undefined;
}

function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

// Strings full of what a scanner must pass over: quotes, backslashes, brackets, characters of several bytes.
const text = fc.string({ unit: fc.constantFrom('"', '\\', 'a', '\u00e9', '\u{1f600}', '{', '}', '[', ']', ',', ':', '\n', ' ', '\u0001'), maxLength: 8 });
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ maxDepth: 4 }, fc.constantFrom(null, true, false, 0, -1.5e-7, 12345), text, fc.array(tie('json'), { maxLength: 4 }), fc.dictionary(text, tie('json'), { maxKeys: 4 })),
}));
const edit = fc.record({ at: fc.nat(), drop: fc.nat(2), add: fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', 'e', '-', 'x', 'true', 'nul') });

describe('JSON read a piece at a time', () => {
  it('gives what JSON.parse gives, however the text is laid out and cut into pieces', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2, '\t'), fc.array(fc.nat(), { maxLength: 8 }), fc.nat(4), (value, indent, cuts, walk) => {
        const text = JSON.stringify(value, null, indent);
        expect(JSON.stringify(scanned(text, cuts, walk)?.value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON.parse refuses and reads what it reads, cut anywhere and walked to any depth', () => {
    const texts = [
      '{"a":1,}',
      '[1,]',
      '[,1]',
      '{,}',
      '[,]',
      '[1,,2]',
      '{"a" 1}',
      '{"a":}',
      '{:1}',
      '[1 2]',
      '{"a":1 "b":2}',
      '"a" "b"',
      '{}{}',
      '{} x',
      '01',
      '[01]',
      '{"a":01}',
      '-',
      '[-]',
      '{"a":tru}',
      '{"a":truex}',
      '"\\x"',
      '"\u0001"',
      '{"a\u0001":1}',
      '{"a":[1,]}',
      '{"a":{"b":1,}}',
      '{"a":{"b"}}',
      '[[1],[2,]]',
      ' ',
      '',
      '{',
      '[',
      '"',
      '{"a":1',
      '[1]]',
      '{"a":1}}',
      '{"a":1,"a":2}',
      '{"__proto__":{"x":1}}',
      '[[]]',
      '{"":{}}',
      ' 1 ',
      '"\\\\\\""',
      '{"a":[{"b":[null,true,false,-0.5e+3]}]}',
      '{"a\\"b":"c\\\\"}',
    ];
    for (const candidate of texts) {
      for (let walk = 0; walk <= 4; walk++) {
        for (const cuts of [[], [1], [2, 5], [3, 4, 6, 7, 9]]) {
          const got = scanned(candidate, cuts, walk);
          const expected = parsed(candidate);
          expect(got === undefined, `${candidate} walked ${walk} cut at ${cuts}`).toBe(expected === undefined);
          if (got) expect(JSON.stringify(got.value)).toBe(JSON.stringify(expected!.value));
        }
      }
    }
  });

  it('refuses what JSON.parse refuses, and reads what it reads, of text with a few characters changed', () => {
    fc.assert(
      fc.property(json, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(4), (value, edits, cuts, walk) => {
        let text = JSON.stringify(value, null, 1);
        for (const { at, drop, add } of edits) {
          const where = at % (text.length + 1);
          text = text.slice(0, where) + add + text.slice(where + drop);
        }
        const expected = parsed(text);
        const got = scanned(text, cuts, walk);
        expect(got === undefined, text).toBe(expected === undefined);
        if (got) expect(JSON.stringify(got.value)).toBe(JSON.stringify(expected!.value));
      }),
      { numRuns: 2000 },
    );
  });
});

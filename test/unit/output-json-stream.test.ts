import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonWriter, writeJson } from '../../src/output/json-stream';

function written(value: unknown, indented: boolean): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJson(value, indented, (text) => pieces.push(text), '\n');
  return { text: pieces.join(''), pieces };
}

/** What JSON.stringify writes for the same document. */
const expected = (value: unknown, indented: boolean) => `${indented ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;

const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const documents = fc.oneof(fc.object({ maxDepth: 4, values: [leaf] }), fc.array(fc.object({ maxDepth: 2, values: [leaf] }), { maxLength: 4 }), leaf);

describe('writeJson', () => {
  it('writes exactly what JSON.stringify writes, indented or compact, for any JSON-like document', () => {
    fc.assert(
      fc.property(documents, fc.boolean(), (value, indented) => {
        expect(written(value, indented).text).toBe(value === undefined ? 'null\n' : expected(value, indented));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON leaves out and honours toJSON, Dates and arrays as JSON.stringify does', () => {
    const value = { f: () => 1, s: Symbol('x'), u: undefined, d: new Date(0), arr: [undefined, () => 1, 2], custom: { toJSON: () => 'mine' }, 10: 'number key first', empty: {}, none: [] };
    for (const indented of [true, false]) expect(written(value, indented).text).toBe(expected(value, indented));
  });

  it('a long document comes in pieces of about 64 KiB, never cutting a string', () => {
    const secret = 'sk-let-0123456789abcdef';
    const items = Array.from({ length: 3000 }, (_, i) => ({ i, note: `${secret} ${'x'.repeat(i % 50)}` }));
    const { text, pieces } = written({ items }, false);
    expect(text).toBe(expected({ items }, false));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(70 * 1024);
    const count = (part: string) => part.split(secret).length - 1;
    for (const [i, piece] of pieces.slice(1).entries()) expect(count(pieces[i]! + piece)).toBe(count(pieces[i]!) + count(piece));
  });
});

describe('JsonWriter', () => {
  it('a document made a member at a time reads as the whole document stringified', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), leaf), fc.array(fc.dictionary(fc.string(), leaf), { maxLength: 5 }), fc.boolean(), (head, items, indented) => {
        let text = '';
        const json = new JsonWriter(indented, (piece) => (text += piece));
        json.begin('{');
        json.value(head, 'head');
        json.begin('{', 'nested');
        json.begin('[', 'items');
        for (const item of items) json.value(item);
        json.end(']');
        json.value(items.length, 'count');
        json.end('}');
        json.value(undefined, 'left out');
        json.end('}');
        expect(text).toBe(indented ? JSON.stringify({ head, nested: { items, count: items.length } }, null, 2) : JSON.stringify({ head, nested: { items, count: items.length } }));
      }),
    );
  });
});

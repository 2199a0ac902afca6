import { describe, expect, it } from 'vitest';
import { colourEnabled } from '../../src/output/colour';
import { renderTable } from '../../src/output/list';
import { displayWidth, truncate } from '../../src/output/text';

describe('colour', () => {
  it.each([
    [{ isTTY: true, env: {}, flag: true }, true],
    [{ isTTY: false, env: {}, flag: true }, false],
    [{ isTTY: true, env: { NO_COLOR: '1' }, flag: true }, false],
    [{ isTTY: true, env: { TERM: 'dumb' }, flag: true }, false],
    [{ isTTY: true, env: {}, flag: false }, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' }, flag: true }, true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' }, flag: true }, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, flag: true }, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' }, flag: false }, false],
  ])('%j -> %s', (inputs, enabled) => expect(colourEnabled(inputs)).toBe(enabled));
});

describe('truncation by display width', () => {
  it.each([
    ['hello world', 8, 'hello w…'],
    ['日本語のメッセージ', 7, '日本語…'],
    ['🚀🚀🚀🚀', 5, '🚀🚀…'],
    ['👍🏽👍🏽👍🏽', 5, '👍🏽👍🏽…'],
    ['e\u0301e\u0301e\u0301e\u0301', 3, 'e\u0301e\u0301…'],
    ['short', 10, 'short'],
  ])('%s to %i', (text, width, expected) => {
    const out = truncate(text, width);
    expect(out).toBe(expected);
    expect(displayWidth(out)).toBeLessThanOrEqual(width);
  });
});

describe('tables', () => {
  it('fit the terminal by shrinking the flexible column', () => {
    const out = renderTable(['ID', 'MESSAGE'], [['sm-1', '完了'.repeat(40)]], 40, 1);
    expect(out.join('\n')).not.toContain('\u001b');
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(out[1]).toContain('…');
  });

  it('leave out optional columns on a narrow terminal before squeezing the message to nothing', () => {
    const row = ['sm-000001', '2026-11-22 15:01 UTC', '2026-11-22T15:01:00.000Z', '完了🚀 message'];
    const narrow = renderTable(['ID', 'RUNS AT', 'UTC', 'MESSAGE'], [row], 60, 3, [2]);
    expect(narrow).toEqual(['ID         RUNS AT               MESSAGE', 'sm-000001  2026-11-22 15:01 UTC  完了🚀 message']);
    const wide = renderTable(['ID', 'RUNS AT', 'UTC', 'MESSAGE'], [row], 120, 3, [2]);
    expect(wide[1]).toContain('2026-11-22T15:01:00.000Z');
  });

  it('pad by display width, so columns line up after wide characters', () => {
    const out = renderTable(['ID', 'NAME'], [['完了', 'a'], ['x', 'b']], 80);
    expect(out).toEqual(['ID    NAME', '完了  a', 'x     b']);
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colourEnabled } from '../../src/output/colour';
import { Output, type Io } from '../../src/output/output';
import { Secrets } from '../../src/output/secrets';
import { renderTable } from '../../src/output/table';
import { shortIds, shortMatches, isShortId } from '../../src/output/short-id';
import { displayWidth, truncate } from '../../src/output/text';
import { compactJson, WithFields } from '../../src/output/with-fields';

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
    const out = renderTable([{ header: 'ID' }, { header: 'MESSAGE', flexible: true }], [['sm-1', '完了'.repeat(40)]], 40);
    expect(out.join('\n')).not.toContain('\u001b');
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(out[1]).toContain('…');
  });

  it('leave out optional columns on a narrow terminal before squeezing the message to nothing', () => {
    const row = ['sm-000001', '2026-11-22 15:01 UTC', '2026-11-22T15:01:00.000Z', '完了🚀 message'];
    const columns = [{ header: 'ID', giveUp: 3 }, { header: 'RUNS AT' }, { header: 'UTC', giveUp: 1 }, { header: 'MESSAGE', flexible: true }];
    const narrow = renderTable(columns, [row], 60);
    expect(narrow).toEqual(['ID         RUNS AT               MESSAGE', 'sm-000001  2026-11-22 15:01 UTC  完了🚀 message']);
    const wide = renderTable(columns, [row], 120);
    expect(wide[1]).toContain('2026-11-22T15:01:00.000Z');
  });

  it('pad by display width, so columns line up after wide characters', () => {
    const out = renderTable(
      [{ header: 'ID' }, { header: 'NAME' }],
      [
        ['完了', 'a'],
        ['x', 'b'],
      ],
      80,
    );
    expect(out).toEqual(['ID    NAME', '完了  a', 'x     b']);
  });
});

describe('short ids', () => {
  const uuid = (start: string) => `scheduled_message-${start}${'0'.repeat(36 - start.length)}`;

  it('are the start of the id after its type word: 7 characters, longer only where another id starts the same way', () => {
    const ids = [uuid('1a2b3c4d-aaaa'), uuid('1a2b3c4d-aaab'), uuid('ffee0011-2'), 'series-9f8e7d6c-0000-0000-0000-000000000000'];
    const short = shortIds(ids);
    expect(short.get(ids[0]!)).toBe('1a2b3c4d-aaaa');
    expect(short.get(ids[1]!)).toBe('1a2b3c4d-aaab');
    expect(short.get(ids[2]!)).toBe('ffee001');
    expect(short.get(ids[3]!)).toBe('9f8e7d6');
    for (const id of ids) {
      expect(isShortId(short.get(id)!)).toBe(true);
      // Each short id matches its own id and no other.
      expect(ids.filter((other) => shortMatches(short.get(id)!, other))).toEqual([id]);
    }
  });

  it('are only forms that can be typed back: an id whose tail is too short, or all of the start of another, is shown whole', () => {
    const ids = ['run-1', 'run-15', 'run-2a', 'sm-0000', 'sm-00001', 'sm-000004'];
    const short = shortIds(ids);
    expect(ids.map((id) => short.get(id))).toEqual(['run-1', 'run-15', 'run-2a', 'sm-0000', '00001', '000004']);
    for (const id of ids) {
      const shown = short.get(id)!;
      if (shown !== id) expect(ids.filter((other) => isShortId(shown) && shortMatches(shown, other))).toEqual([id]);
    }
  });

  it('never end on a dash, and leave ids that are no type word and hex as they are', () => {
    const ids = [uuid('1234567-'), uuid('1234567'), 'run_custom-name', 'plain'];
    const short = shortIds(ids);
    expect(short.get(ids[0]!)).toMatch(/^1234567-0$/);
    expect(short.get('run_custom-name')).toBe('run_custom-name');
    expect(short.get('plain')).toBe('plain');
  });
});

describe('secret masking', () => {
  it('masks a key wherever it appears, a short key only where it stands alone, and keeps the text around it', async () => {
    const { Secrets } = await import('../../src/output/secrets');
    const secrets = new Secrets();
    for (const key of ['x', 'sk-x', ' sk-long-secret-123456 ']) secrets.add(key);
    expect(secrets.redact("Examples: x and 'sk-x' then sk-long-secret-123456 in max-x, x.")).toBe("Examples: **** and '****' then sk-...3456 in max-x, ****.");
  });
});

describe('the writers', () => {
  const HOSTILE = 'a\u001b]0;title\u0007b\u001b[2Jc\u001b[31md\u009b8me\rf';
  function output(colour: boolean) {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([]),
      stdoutIsTTY: true,
      stderrIsTTY: true,
      stdinIsTTY: false,
    };
    const secrets = new Secrets();
    secrets.add('sk-let-secret-0123456789');
    const out = new Output(io, { colour, env: colour ? { FORCE_COLOR: '1' } : {}, json: false, quiet: false }, secrets);
    return { out, text: () => stdout + stderr };
  }

  it.each([true, false])('show every control character in any text as \\xNN, keep only their own colours (colour %s), and mask keys', (colour) => {
    const { out, text } = output(colour);
    out.line(`line ${HOSTILE} ${out.paint.bold(HOSTILE)}`);
    out.note(`note ${HOSTILE}`);
    out.info(`info ${HOSTILE}`);
    out.warn(`warn ${HOSTILE} sk-let-secret-0123456789`);
    out.success(`success ${HOSTILE}`);
    out.raw(`raw ${HOSTILE}\n`);
    const printed = text();
    const shown = 'a\\x1b]0;title\\x07b\\x1b[2Jc\\x1b[31md\\x9b8me\\x0df';
    expect(printed.split(shown)).toHaveLength(8);
    expect(printed).not.toContain('sk-let-secret-0123456789');
    const own = printed.match(/\u001b\[\d+m/g) ?? [];
    expect(own.length > 0).toBe(colour);
    expect(printed.replace(/\u001b\[(1|22|31|39|32|33)m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('JSON keeps the text exactly, C1 controls escaped', () => {
    const { out, text } = output(false);
    out.document({ text: HOSTILE });
    out.jsonLine({ text: HOSTILE });
    const [document, line] = text()
      .trimEnd()
      .split(/\n(?=\{"text")/);
    expect(JSON.parse(document!)).toEqual({ text: HOSTILE });
    expect(JSON.parse(line!)).toEqual({ text: HOSTILE });
    expect(text()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('how far away', () => {
  it.each([
    [0, 'now'],
    [30_000, 'in 30 seconds'],
    [-90_000, '2 minutes ago'],
    [45 * 60_000, 'in 45 minutes'],
    [23 * 3_600_000, 'in 23 hours'],
    [50 * 3_600_000, 'in 2 days'],
    [-3 * 86_400_000, '3 days ago'],
    [65 * 86_400_000, 'in 2 months'],
    [800 * 86_400_000, 'in 2 years'],
  ])('%i ms -> %s', async (offset, expected) => {
    const { fromNow } = await import('../../src/output/when');
    expect(fromNow(1_800_000_000_000 + offset, 1_800_000_000_000)).toBe(expected);
  });
});

describe('a record with fields added (--json of a list)', () => {
  const flawed = Object.assign({ id: 'sm-1' }, { [Symbol('flaws')]: ['kept out of JSON'] });
  it.each([
    ['a schedule', { id: 'sm-1', schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, message: { messages: [{ role: 'user', content: 'hi "there"\n' }] } }, { made_by: 'elsewhere' }],
    ['two fields', { id: 'sm-1', schedule: { type: 'one-time', scheduled_at: 0 } }, { scheduled_at_iso: '1970-01-01T00:00:00.000Z', made_by: 'letta-switchboard' }],
    ['an empty record', {}, { made_by: 'elsewhere' }],
    ['no fields', { id: 'sm-1' }, {}],
    ['a field left undefined', { id: 'sm-1' }, { scheduled_at_iso: undefined, made_by: 'elsewhere' }],
    ['only undefined fields on an empty record', {}, { made_by: undefined }],
    ['a field the record has (it keeps its place)', { made_by: 'server', id: 'sm-1' }, { made_by: 'elsewhere' }],
    ['a field named by a number (listed first)', { id: 'sm-1' }, { '7': 'seven' }],
    ['a record with numbered keys', { '2': 'b', id: 'sm-1' }, { made_by: 'elsewhere' }],
    ['a symbol key on the record', flawed, { made_by: 'elsewhere' }],
    ['a record that serialises itself', { id: 'sm-1', toJSON: () => ({ id: 'other' }) }, { made_by: 'elsewhere' }],
    ['a record with unicode and a control character', { id: 'sm-\u2028', text: 'caf\u00e9 \u0007' }, { made_by: 'elsewhere' }],
  ])('%s prints as the copy would, compact and indented', (_, record: object, fields: Record<string, unknown>) => {
    const copy = { ...record, ...fields };
    const value = new WithFields(record, fields);
    expect(compactJson(value)).toBe(JSON.stringify(copy));
    expect(JSON.stringify(value, null, 2)).toBe(JSON.stringify(copy, null, 2));
  });

  it('leaves the record as it was, and prints other values as JSON.stringify does', () => {
    const record = { id: 'sm-1' };
    compactJson(new WithFields(record, { made_by: 'elsewhere' }));
    expect(record).toEqual({ id: 'sm-1' });
    for (const value of [{ a: [1, { b: null }] }, [1, 'two'], 'text', 3, null]) expect(compactJson(value)).toBe(JSON.stringify(value));
  });
});

import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildAgenda, type AgendaSchedule } from '../../src/agenda/fires';
import { escapeText, foldLine, toICalendar } from '../../src/agenda/ics';

const NOW = Date.parse('2027-03-10T12:00:00Z');
const DAY = 86_400_000;
const schedules: AgendaSchedule[] = [
  {
    id: 'sm-000001',
    agentId: 'agent-1',
    agentName: 'support-bot',
    kind: 'recurring',
    cron: '0 14 * * 1-5',
    text: 'Check the queue; then, report\nSecond line with a \\ backslash',
  },
  {
    id: 'sm-000002',
    agentId: 'agent-2',
    agentName: 'Büro-Agent 日本',
    kind: 'one-time',
    scheduledAt: Date.parse('2027-03-12T15:30:00Z'),
    text: `${'Größenwahn 日本語のテキスト 🎉 '.repeat(8)}end`,
  },
];

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, start: event.startDate.toJSDate().getTime(), utc: event.startDate.zone?.tzid, summary: event.summary, description: event.description };
  });
}

const SERVER = 'https://api.letta.com/';
/** The first 8 hex digits of the server's SHA-256, worked out apart from the code under test. */
const TAG = createHash('sha256').update(SERVER).digest('hex').slice(0, 8);

describe('the iCalendar file', () => {
  const agenda = buildAgenda(schedules, { from: NOW, to: NOW + 7 * DAY, zone: 'America/New_York' });
  const text = toICalendar(agenda.fires, { now: NOW, server: SERVER });

  it('parses back with one event per fire, stable UIDs and UTC start times', () => {
    const events = parse(text);
    expect(events.map((event) => [event.uid, new Date(event.start).toISOString()])).toEqual([
      [`sm-000001-20270310T140000Z-${TAG}@letta-switchboard`, '2027-03-10T14:00:00.000Z'],
      [`sm-000001-20270311T140000Z-${TAG}@letta-switchboard`, '2027-03-11T14:00:00.000Z'],
      [`sm-000001-20270312T140000Z-${TAG}@letta-switchboard`, '2027-03-12T14:00:00.000Z'],
      [`sm-000002-20270312T153000Z-${TAG}@letta-switchboard`, '2027-03-12T15:30:00.000Z'],
      [`sm-000001-20270315T140000Z-${TAG}@letta-switchboard`, '2027-03-15T14:00:00.000Z'],
      [`sm-000001-20270316T140000Z-${TAG}@letta-switchboard`, '2027-03-16T14:00:00.000Z'],
    ]);
    expect(events.every((event) => event.utc === 'UTC')).toBe(true);
    expect(events[0]!.summary).toBe('support-bot: Check the queue; then, report');
    expect(events[0]!.description).toContain('Schedule: sm-000001 (recurring)\nCron (UTC): 0 14 * * 1-5\nAgent: support-bot (agent-1)');
    expect(events[0]!.description).toContain('Check the queue; then, report\nSecond line with a \\ backslash');
    expect(events[3]!.summary).toBe(`Büro-Agent 日本: ${schedules[1]!.text}`);
    // The same fires exported again give the same UIDs; from another server that hands out the same ids, others.
    expect(parse(toICalendar(agenda.fires, { now: NOW + DAY, server: SERVER })).map((event) => event.uid)).toEqual(events.map((event) => event.uid));
    const elsewhere = parse(toICalendar(agenda.fires, { now: NOW, server: 'http://127.0.0.1:8283/' })).map((event) => event.uid);
    expect(elsewhere.filter((uid) => events.some((event) => event.uid === uid))).toEqual([]);
  });

  it('uses CRLF line ends, lines of at most 75 octets, DTSTAMP and DTSTART in UTC form', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(lines).toContain('DTSTAMP:20270310T120000Z');
    expect(lines).toContain('DTSTART:20270310T140000Z');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
  });
});

describe('folding and escaping', () => {
  it('folds at 75 octets and continues with one space; unfolding gives the line back', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((part) => part.startsWith(' ') && Buffer.byteLength(part) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('never splits a multi-byte character', () => {
    for (const char of ['é', '日', '🎉']) {
      for (let prefix = 0; prefix < 5; prefix++) {
        const line = `SUMMARY:${'x'.repeat(prefix)}${char.repeat(60)}`;
        const folded = foldLine(line);
        const parts = folded.split('\r\n');
        for (const part of parts) {
          expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
          // Each part is valid UTF-8 on its own: decoding its bytes gives it back unchanged.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
          expect(part).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }
    }
  });

  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\there\u0007bell')).toBe('tab\therebell');
    expect(escapeText('colon: "quoted"')).toBe('colon: "quoted"');
  });
});

describe('an id that holds line breaks or control characters', () => {
  it.each(['sm-1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged', 'sm-2\nSUMMARY:forged', 'sm-3\u001b]0;title\u0007;,\\'])('adds no line, property or event: %j', (id) => {
    const hostile: AgendaSchedule = { id, agentId: 'agent-1', agentName: 'bot\r\nX-FORGED:1', kind: 'one-time', scheduledAt: NOW + DAY, text: 'hi\r\nEND:VCALENDAR' };
    const plain: AgendaSchedule = { ...hostile, id: 'sm-plain', agentName: 'bot', text: 'hi' };
    const text = toICalendar(buildAgenda([hostile, plain], { from: NOW, to: NOW + 7 * DAY, zone: 'UTC' }).fires, { now: NOW, server: SERVER });
    const events = parse(text);
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.uid).sort()).toEqual([`${encodeURIComponent(id)}-20270311T120000Z-${TAG}@letta-switchboard`, `sm-plain-20270311T120000Z-${TAG}@letta-switchboard`].sort());
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)|(?<!\r)\n/);
    expect(text.split('\r\n').filter((line) => /^(UID|X-FORGED|SUMMARY:forged|BEGIN:VEVENT)/.test(line))).toHaveLength(4);
  });
});

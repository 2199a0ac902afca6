import type { Fire } from './fires';
import { firstLine, kindLabel } from './rows';

/** RFC 5545 3.1: content lines are folded so no line is longer than 75 octets, CRLF excluded. */
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

/** "20261130T140000Z": a DATE-TIME in UTC form. */
export function icsUtc(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11); other control characters (C1 too) dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '');
}

/**
 * Fold one content line at 75 octets of UTF-8, continuing with a space. Folds
 * fall between characters, never inside a multi-byte one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export interface CalendarOptions {
  /** DTSTAMP: when the file was made (Unix ms). */
  now: number;
  name?: string;
  /** The server the schedules are on (the normalised base URL): two servers may hand out the same ids. */
  server: string;
}

/**
 * The stable identity of one fire: the same schedule and instant on the same server give the same UID in every
 * export; two servers that hand out the same ids give their fires different ones (the server goes in as a hash, so
 * no address, or the credentials a base URL may hold, is written). The id is percent-encoded (letters, digits and
 * -_.!~*'() stay), so no id, whatever it holds, adds a line or a property.
 */
export function fireUid(fire: Fire, server: string): string {
  return `${encodeURIComponent(fire.schedule.id)}-${icsUtc(fire.at)}-${serverTag(server)}@letta-switchboard`;
}

function serverTag(server: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(server).digest('hex').slice(0, 8);
}

function eventLines(fire: Fire, stamp: string, uidOf: (fire: Fire) => string): string[] {
  const schedule = fire.schedule;
  const description = [
    `Schedule: ${schedule.id} (${kindLabel(fire)})`,
    ...(schedule.cron === undefined ? [] : [`Cron (UTC): ${schedule.cron}`]),
    ...(schedule.seriesId === undefined ? [] : [`Series: ${schedule.seriesId}`]),
    `Agent: ${schedule.agentName} (${schedule.agentId})`,
    '',
    schedule.text,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${uidOf(fire)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtc(fire.at)}`,
    `SUMMARY:${escapeText(`${schedule.agentName}: ${firstLine(schedule.text)}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** An iCalendar file with one VEVENT per fire; CRLF line ends, folded lines. */
export function toICalendar(fires: Fire[], options: CalendarOptions): string {
  const stamp = icsUtc(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//letta-switchboard//agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? 'Letta schedules')}`,
    ...fires.flatMap((fire) => eventLines(fire, stamp, (one) => fireUid(one, options.server))),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

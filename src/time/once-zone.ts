import { UsageError } from '../errors';
import { offsetMinutesOf } from './iso';
import { monthOf, partOfDay, unitOf, weekdayOf } from './lexicon';
import { lookupZone } from './zone-names';
import { formatClock, formatDate, instantFromLocal, offsetMinutes, utcMillis, wallTime, type LocalDateTime, type WallTime } from './zone';

const MINUTE = 60_000;

/** A clock to read a phrase on: an IANA zone's, or a fixed UTC offset's ("+05:00"). */
export interface Calendar {
  /** What the clock shows at `instant`. */
  wall(instant: number): WallTime;
  /** The instant at which the clock shows `local`. */
  at(local: LocalDateTime): number;
  /** Minutes east of UTC at `instant`. */
  offset(instant: number): number;
  /** Where dates in digits are written month first (the United States, the Philippines): a passed month-first date is never read day first. */
  monthFirst?: boolean;
}

/** Zones of the places that write dates in digits month first. */
const MONTH_FIRST_ZONES =
  /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Adak|Metlakatla|Yakutat|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu|US\/.+|Asia\/Manila|EST5EDT|CST6CDT|MST7MDT|PST8PDT)$/;

export function zoneCalendar(zone: string): Calendar {
  return {
    wall: (instant) => wallTime(zone, instant),
    at: (local) => instantFromLocal(zone, local),
    offset: (instant) => offsetMinutes(zone, instant),
    monthFirst: MONTH_FIRST_ZONES.test(zone),
  };
}

function fixedCalendar(offset: number): Calendar {
  return {
    wall: (instant) => wallTime('UTC', instant + offset * MINUTE),
    at: (local) => utcMillis(local.year, local.month, local.day, local.hour, local.minute, local.second) - offset * MINUTE,
    offset: () => offset,
  };
}

export interface PhraseZone {
  /** The phrase without its zone. */
  text: string;
  /** The clock the phrase is read on: the zone it names, else the user's. */
  calendar: Calendar;
  /** The zone or offset as the phrase wrote it, when it wrote one. */
  written?: string;
  /** One season's time, as written ("EDT", "CEST", "Pacific Daylight Time"): `seasonNote` checks it against the instant. */
  season?: { said: string; daylight: boolean };
}

/** Abbreviations of summer (daylight) time and of winter (standard) time, for zones that have both. */
const DAYLIGHT = new Set('edt cdt mdt pdt akdt adt ndt cest eest bst aedt acdt nzdt'.split(' '));
const STANDARD = new Set('est mst pst akst nst cet eet wet aest acst nzst'.split(' '));

/** Whether the zone shows its summer (daylight) time at the instant. */
function inDaylight(zone: string, instant: number): boolean {
  const year = wallTime(zone, instant).year;
  const standard = Math.min(offsetMinutes(zone, utcMillis(year, 1, 1, 0, 0, 0)), offsetMinutes(zone, utcMillis(year, 7, 1, 0, 0, 0)));
  return offsetMinutes(zone, instant) > standard;
}

/**
 * "1am EST" on the night the clocks go back: of the two 1:00s, the one the season names (the second); "1am EDT", the
 * first. The instant as it is when its wall time comes once, or the season says nothing.
 */
export function seasonsTwin(zoned: PhraseZone, instant: number): number {
  const zone = zoned.written;
  if (!zoned.season || zone === undefined || inDaylight(zone, instant) === zoned.season.daylight) return instant;
  const at = wallTime(zone, instant);
  for (const other of [instant + 3_600_000, instant - 3_600_000]) {
    const twin = wallTime(zone, other);
    if (twin.day === at.day && twin.hour === at.hour && twin.minute === at.minute && inDaylight(zone, other) === zoned.season.daylight) return other;
  }
  return instant;
}

/**
 * A note when a season's abbreviation is not in use at the instant ("9am CEST" in December): the
 * phrase was read on that zone's clock, which shows the other season's time then.
 */
export function seasonNote(zoned: PhraseZone, instant: number): string | undefined {
  const zone = zoned.written;
  if (!zoned.season || zone === undefined) return undefined;
  const offset = offsetMinutes(zone, instant);
  if (inDaylight(zone, instant) === zoned.season.daylight) return undefined;
  const other = (zoned.season.daylight ? 1 : -1) * 60 + offset;
  const said = zoned.season.said;
  const hm = (minutes: number) => `${minutes < 0 ? '-' : '+'}${formatClock(Math.floor(Math.abs(minutes) / 60), Math.abs(minutes) % 60)}`;
  return `${said} is not in use in ${zone} on ${formatDate(wallTime(zone, instant))}: read on its clock then (${hm(offset)}); write '${hm(other)}' for the ${said} offset`;
}

// Each is anchored at the end and has no nested repetition, so matching is linear.
const TRAILING_IANA = /(?:^|\s)(?:(?:in|on)\s)?([a-z][a-z0-9_+-]*(?:\/[a-z0-9_+-]+){1,2})(?:\stime)?$/;
const INNER_IANA = /(?:^|\s)(?:in\s)?([a-z][a-z_+-]*(?:\/[a-z_+-]+){1,2})(?:\stime)?(?=\s)/;
const ZULU = /(?<=(?:^|\s)(?:\d{1,4}|\d{1,2}:\d{2})(?: ?[ap]m)?)\s?z(?=\s|$)/;
const TRAILING_OFFSET = /(?:^|\s)(?:(?:utc|gmt|z)\s?([+-]\d{1,2}(?::?\d{2})?)|([+-]\d{2}(?::?\d{2})))$/;

/**
 * Take a zone written in the phrase off its end ("5pm CET", "9am in London",
 * "noon Europe/Berlin", "at 9am +05:00", "8:00 pacific time") and give the
 * clock it names. A zone that names several is an error listing them; a
 * phrase with no zone is read on the user's.
 */
export function phraseZone(text: string, userZone: string, shown = text): PhraseZone {
  const user = { text, calendar: zoneCalendar(userZone) };
  // "(CET)", and "[Europe/Paris]" as RFC 9557 puts a zone after an ISO time.
  // "São Paulo": accents folded, as the database spells its cities.
  const bare = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  // "9am local time", "9am my time", "9am in my time zone": the user's own zone, said in words.
  const local = [' my local time', ' local time zone', ' local timezone', ' my time zone', ' my timezone', ' local time', ' local', ' my time'].find((suffix) => bare.endsWith(suffix));
  if (local) return { text: bare.slice(0, -local.length).replace(/ in$/, ''), calendar: user.calendar, written: userZone };

  // "14:00Z", "1400Z", "9am Z": Z after a clock is UTC, as ISO 8601 and aviation write it.
  const zulu = bare.includes('z') ? ZULU.exec(bare) : null;
  if (zulu) return { text: `${bare.slice(0, zulu.index)}${bare.slice(zulu.index + zulu[0].length)}`.replace(/\s+/g, ' ').trim(), calendar: zoneCalendar('UTC'), written: 'UTC' };

  // The patterns are used only where they may match: compiling them is most of the time a phrase takes here.
  const offset = bare.includes('+') || bare.includes('-') ? TRAILING_OFFSET.exec(bare) : null;
  if (offset) {
    const written = (offset[1] ?? offset[2])!;
    const minutes = offsetMinutesOf(normalOffset(written), `'${shown}'`);
    return { text: bare.slice(0, offset.index).trim(), calendar: fixedCalendar(minutes), written: written.toUpperCase() };
  }

  // At the end, or anywhere ("10:00 Europe/Berlin tomorrow").
  const iana = bare.includes('/') ? (TRAILING_IANA.exec(bare) ?? INNER_IANA.exec(bare)) : null;
  // "august/10/2027", "aug/10": a month and digits after a slash are a date, not a zone.
  const dated = iana !== null && monthOf(iana[1]!.split('/')[0]) !== undefined && /^\d/.test(iana[1]!.split('/')[1] ?? '');
  if (iana && !dated) {
    const found = lookupZone(iana[1]!);
    if (!found) throw new UsageError(`'${shown}' names the time zone '${iana[1]}', which is unknown`, "Use an IANA name such as 'Europe/Berlin' or 'America/New_York'.");
    return named(found, `${bare.slice(0, iana.index)} ${bare.slice(iana.index + iana[0].length)}`.replace(/\s+/g, ' ').trim(), iana[1]!, shown);
  }

  // Longest first ("pacific standard time" before "time").
  const tokens = bare.split(' ');
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    const words = tokens.slice(-n);
    const candidate = words.join(' ');
    if (!zoneWords(candidate)) continue;
    const afterIn = tokens[tokens.length - n - 1] === 'in';
    const endsWithTime = n > 1 && words[n - 1] === 'time';
    const found = lookupZone(candidate, { links: false }) ?? (endsWithTime ? lookupZone(words.slice(0, -1).join(' '), { links: false }) : null);
    if (found) return named(found, tokens.slice(0, tokens.length - n - (afterIn ? 1 : 0)).join(' '), candidate, shown);
  }
  // An abbreviation inside the phrase ("9am EST tomorrow"); a city only as a zone is said ("9am London time tomorrow", "9am in Tokyo on friday").
  for (let k = 0; k < tokens.length - 1; k++) {
    const word = tokens[k]!;
    const city = tokens[k + 1] === 'time' || (tokens[k - 1] === 'in' && k > 1);
    const found = zoneWords(word) ? lookupZone(word, { cities: city, links: false }) : null;
    if (found) {
      const before = city && tokens[k - 1] === 'in' ? k - 1 : k;
      const after = tokens[k + 1] === 'time' ? k + 2 : k + 1;
      return named(found, [...tokens.slice(0, before), ...tokens.slice(after)].join(' '), word, shown);
    }
  }
  return user;
}

/**
 * Letters only, and not ending in a word the time language uses itself ("next
 * friday", "in the morning") or a holiday a zone is named after: those are
 * never zones, and skipping them spares loading the zone names.
 */
function zoneWords(candidate: string): boolean {
  if (!/^[a-z.' ]+$/.test(candidate)) return false;
  const last = candidate.slice(Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('.'), candidate.lastIndexOf("'")) + 1);
  return !(TIME_WORDS.has(last) || weekdayOf(last) !== undefined || monthOf(last) !== undefined || unitOf(last) !== undefined || partOfDay(last) !== undefined);
}

// A set, not one regex of them all: compiling that took a third of a millisecond of every start that reads a phrase.
const TIME_WORDS = new Set('z a an the at on of in am pm now ago next last noon midnight midday today tomorrow weekend christmas easter'.split(' '));

function named(found: NonNullable<ReturnType<typeof lookupZone>>, rest: string, written: string, shown: string): PhraseZone {
  if ('ambiguous' in found) {
    throw new UsageError(
      `'${shown}': the time zone '${written.toUpperCase()}' could mean several: ${found.ambiguous.join(', ')}`,
      `Write the IANA name instead, such as '${found.ambiguous[0]!.split(' ')[0]}'.`,
    );
  }
  // An abbreviation ("EDT"), or a season spelt out ("pacific daylight time", "british summer time", "eastern standard time").
  const spelt = written.includes(' ');
  const daylight = spelt
    ? /\b(?:daylight|summer)\b/.test(written)
      ? true
      : /\bstandard\b/.test(written)
        ? false
        : undefined
    : DAYLIGHT.has(written)
      ? true
      : STANDARD.has(written)
        ? false
        : undefined;
  const said = spelt ? written.replace(/\b[a-z]/g, (letter) => letter.toUpperCase()) : written.toUpperCase();
  return { text: rest, calendar: zoneCalendar(found.zone), written: found.zone, ...(daylight === undefined ? {} : { season: { said, daylight } }) };
}

/** "+5" -> "+05", "+530" -> "+05:30". */
function normalOffset(written: string): string {
  const sign = written[0]!;
  const digits = written.slice(1).replace(':', '');
  if (digits.length <= 2) return `${sign}${digits.padStart(2, '0')}`;
  return `${sign}${digits.slice(0, -2).padStart(2, '0')}:${digits.slice(-2)}`;
}

import { UsageError } from '../errors';
import { offsetMinutesOf } from './iso';
import { FILLER, monthOf, partOfDay, unitOf, weekdayOf } from './lexicon';
import { alsoUsed, alsoUsedNote, lookupZone } from './zone-names';
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
  /** A note when the phrase's abbreviation is read as one of the zones that use it ("IST": India, not Israel or Ireland). */
  guess?: string;
  /** That reading in parts, for `seasonNote` to say with its own ("BST" in December). */
  also?: { meant: string; others: string };
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
  const clock = `read on its clock then (${hm(offset)}); write '${hm(other)}' for the ${said} offset`;
  const on = formatDate(wallTime(zone, instant));
  // "9am BST" in December: what BST was read as, and that it is not in use then, said in one note.
  if (zoned.also) return `read '${said}' as ${zoned.also.meant} (${zone}), which is not in use there on ${on}: ${clock}; ${zoned.also.others}`;
  return `${said} is not in use in ${zone} on ${on}: ${clock}`;
}

// Each is anchored at the end and has no nested repetition, so matching is linear.
const TRAILING_IANA = /(?:^|\s)(?:(?:in|on)\s)?([a-z][a-z0-9_+-]*(?:\/[a-z0-9_+-]+){1,2})(?:\stime)?$/;
const INNER_IANA = /(?:^|\s)(?:in\s)?([a-z][a-z_+-]*(?:\/[a-z_+-]+){1,2})(?:\stime)?(?=\s)/;
const LOCAL = /(?:^|\s)(?:in\s)?(?:(?:my\s)?(?:local|my)\stime(?:\s?zone)?(?=\s|$)|local$)/;
const ZULU = /(?<=(?:^|\s)(?:\d{1,4}|\d{1,2}:\d{2})(?: ?[ap]m)?)\s?z(?=\s|$)/;
// "9am GMT+2", "9am in UTC+05:30", "noon -03:00".
const TRAILING_OFFSET = /(?:^|\s)(?:in\s)?(?:(?:utc|gmt|z)\s?([+-]\d{1,2}(?::?\d{2})?)|([+-]\d{2}(?::?\d{2})))$/;
// "5pm UTC+3 tomorrow", "in GMT-5 on friday at 9am": inside the phrase only with its UTC or GMT.
const INNER_OFFSET = /(?:^|\s)(?:in\s)?(?:utc|gmt)\s?([+-]\d{1,2}(?::?\d{2})?)(?=\s)/;

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

  // "9am local time", "at 5pm my time tomorrow", "9am in my time zone": the user's own zone, said in words.
  const local = bare.includes('local') || bare.includes('my time') ? LOCAL.exec(bare) : null;
  if (local) return { text: `${bare.slice(0, local.index)} ${bare.slice(local.index + local[0].length)}`.replace(/\s+/g, ' ').trim(), calendar: user.calendar, written: userZone };

  // "14:00Z", "1400Z", "9am Z": Z after a clock is UTC, as ISO 8601 and aviation write it.
  const zulu = bare.includes('z') ? ZULU.exec(bare) : null;
  if (zulu) return { text: `${bare.slice(0, zulu.index)}${bare.slice(zulu.index + zulu[0].length)}`.replace(/\s+/g, ' ').trim(), calendar: zoneCalendar('UTC'), written: 'UTC' };

  // The patterns are used only where they may match: compiling them is most of the time a phrase takes here.
  const offset = bare.includes('+') || bare.includes('-') ? (TRAILING_OFFSET.exec(bare) ?? INNER_OFFSET.exec(bare)) : null;
  if (offset) {
    const written = (offset[1] ?? offset[2])!;
    const minutes = offsetMinutesOf(normalOffset(written), `'${shown}'`);
    const rest = `${bare.slice(0, offset.index)} ${bare.slice(offset.index + offset[0].length)}`.replace(/\s+/g, ' ').trim();
    return { text: rest, calendar: fixedCalendar(minutes), written: written.toUpperCase() };
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

  // Longest first ("pacific standard time" before "time"). A comma after a word is no part of it ("1pm EST, july 5th").
  const tokens = bare.replace(/,(?= |$)/g, ' ,').split(' ');
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    const words = tokens.slice(-n);
    const candidate = words.join(' ');
    if (!zoneWords(candidate)) continue;
    const afterIn = tokens[tokens.length - n - 1] === 'in';
    const endsWithTime = n > 1 && words[n - 1] === 'time';
    const whole = lookupZone(candidate, { links: false });
    const place = words.slice(0, -1).join(' ');
    const found = whole ?? (endsWithTime ? lookupZone(place, { links: false }) : null);
    if (found) return named(found, tokens.slice(0, tokens.length - n - (afterIn ? 1 : 0)).join(' '), whole ? candidate : place, shown);
  }
  // Inside the phrase: an abbreviation or a name ("9am EST tomorrow", "9am pacific standard time on friday"); a city or
  // a country only as a zone is said ("9am New York time tomorrow", "9am UK time tomorrow", "noon in the UK on monday").
  for (let k = 0; k < tokens.length - 1; k++) {
    for (let n = Math.min(4, tokens.length - 1 - k); n >= 1; n--) {
      const candidate = tokens.slice(k, k + n).join(' ');
      if (!zoneWords(candidate)) continue;
      const timeAfter = tokens[k + n] === 'time';
      const inBefore = tokens[k - 1] === 'in' && k > 1;
      const found = lookupZone(candidate, { cities: timeAfter || inBefore, links: false }) ?? (timeAfter ? lookupZone(`${candidate} time`, { links: false }) : null);
      if (found) return named(found, [...tokens.slice(0, inBefore ? k - 1 : k), ...tokens.slice(timeAfter ? k + n + 1 : k + n)].join(' '), candidate, shown);
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
      isAbbreviation(written)
        ? `'${shown}': the time zone '${written.toUpperCase()}' could mean several: ${found.ambiguous.join(', ')}`
        : `'${shown}': ${nameAsSaid(written)} keeps several time zones: ${found.ambiguous.join(', ')}`,
      `Write the IANA name instead, such as '${found.ambiguous[0]!.split(' ')[0]}'.`,
    );
  }
  rest = withoutRepeat(rest.replace(/ ,/g, ',').replace(/^,\s*|,$/g, ''), found.zone, written, shown);
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
  const guess = isAbbreviation(written) ? alsoUsedNote(written, found.zone) : undefined;
  const also = isAbbreviation(written) ? alsoUsed(written) : undefined;
  return {
    text: rest,
    calendar: zoneCalendar(found.zone),
    written: found.zone,
    ...(daylight === undefined ? {} : { season: { said, daylight } }),
    ...(guess === undefined ? {} : { guess }),
    ...(also === undefined ? {} : { also }),
  };
}

/**
 * The words left once the zone is taken, without that zone said again ("every day at 09:00 UTC and 17:00 UTC"); another
 * zone among them is refused, since the phrase is read on one clock ("9am PST and 5pm EST").
 */
function withoutRepeat(rest: string, zone: string, written: string, shown: string): string {
  const words = rest.split(' ');
  const kept = words.filter((word) => {
    const again = zoneWords(word) ? lookupZone(word, { cities: false, links: false }) : null;
    if (again === null) return true;
    if ('zone' in again && again.zone === zone) return false;
    throw new UsageError(
      `'${shown}' names two time zones, ${nameAsSaid(word)} and ${nameAsSaid(written)}; it is read on one clock`,
      'Write every time on one clock, or make one schedule for each zone.',
    );
  });
  return kept.length === words.length ? rest : kept.join(' ');
}

function isAbbreviation(written: string): boolean {
  return /^[a-z]{2,5}$/.test(written);
}

/** A zone's name as the phrase gave it, in its capitals: "PST", "the US", "New York", "Brazil". */
function nameAsSaid(written: string): string {
  if (isAbbreviation(written)) return written.toUpperCase();
  return written.replace(/\b(?!the\b)[a-z]+/g, (word) => (word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)));
}

/** "+5" -> "+05", "+530" -> "+05:30". */
function normalOffset(written: string): string {
  const sign = written[0]!;
  const digits = written.slice(1).replace(':', '');
  if (digits.length <= 2) return `${sign}${digits.padStart(2, '0')}`;
  return `${sign}${digits.slice(0, -2).padStart(2, '0')}:${digits.slice(-2)}`;
}

/** An offset glued to letters ("GMT-0500", "PST-0800", "CET+0100", "PST-08"): the letters are UTC's or a zone's label. */
const LETTERS_OFFSET = /(?<=^|\s)([a-z]{2,5})([+-]\d{1,2}(?::?\d{2})?)(?=\s|$|[([])/;
/** An offset of four digits, alone or glued to a clock ("-0700", "+02:00", "10:00:00-05:00"). */
const DIGITS_OFFSET = /(?<=\d:\d{2}(?::\d{2})?(?:[.,]\d+)?|^|\s)([+-]\d{2}:?\d{2})(?=\s|$|[([])/;
/** A clock, then a space, before an offset ("10:00 ", "3:04:05 pm "). */
const POLITE_END = new RegExp(`(?:,?\\s(?:${FILLER.trailing.join('|')}))+$`);
const AFTER_CLOCK = /\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[ap]\.?m\.?)? $/;
/** What may follow a stated offset: "[America/New_York]" (RFC 9557), "(CEST)" (mail), "(Eastern Standard Time)" (JavaScript), "UTC" (Go). */
const OFFSET_LABEL = /^(?: ?\[!?([^\]]+)\]| ?\(([^)]*)\)| ([a-z]{2,5})(?=\s|$))/;

/**
 * A timestamp that states its UTC offset and a zone's name beside it, as programs print them ("2026-12-01 10:00:00 +0000
 * UTC", "Tue, 1 Dec 2026 04:08:03 +0200 (CEST)", "2026-12-01T10:00:00-05:00[America/New_York]", "Tue Dec 01 15:04:05
 * -0700 2026"): the offset decides, the name is taken off once it agrees, and a year after the offset goes before it.
 */
export function withStatedOffset(text: string, shown: string, now: number): { text: string; bracketed?: { zone: string; minutes: number } } {
  // Go's monotonic clock reading ("m=+0.000000001") and RFC 9557's tags ("[u-ca=gregory]") say nothing about when; "Z"
  // is the offset +00:00 before a zone's name ("Z[UTC]") or after seconds ("15:04:05 Z").
  const plain = text
    .replace(/ m=[+-][\d.]+$/, '')
    .replace(/\[!?[a-z0-9_-]+=[^\]]*\]/g, '')
    .replace(/(?<=\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?)z(?=\[)|(?<=\d:\d{2}:\d{2}(?:[.,]\d+)?) z(?=\s|$)/, (z) => `${z.startsWith(' ') ? ' ' : ''}+00:00`);
  const glued = LETTERS_OFFSET.exec(plain);
  const found = glued ?? DIGITS_OFFSET.exec(plain);
  if (!found) return { text };
  const written = normalOffset(glued ? glued[2]! : found[1]!);
  const offset = written.includes(':') ? written : `${written}:00`;
  const gluedLabel = glued && !/^(?:utc|gmt)$/.test(glued[1]!) ? glued[1]! : undefined;
  const before = plain.slice(0, found.index);
  let rest = plain.slice(found.index + found[0].length);
  const label = OFFSET_LABEL.exec(rest);
  const [bracket, comment, letters] = label ? [label[1], label[2], label[3]] : [];
  const lookup = (name: string | undefined, options = {}) => (name === undefined ? null : lookupZone(name, options));
  // Letters glued to an offset that name no zone ("dec-01") make no offset.
  if (gluedLabel !== undefined && lookup(gluedLabel, { cities: false, links: false }) === null) return { text };
  if (bracket !== undefined && lookup(bracket) === null) {
    throw new UsageError(`'${shown}' names the time zone '${bracket}', which is unknown`, "Use an IANA name such as 'Europe/Berlin' or 'America/New_York'.");
  }
  // A word after the offset that names no zone stays a word of the phrase ("+0530 on dec 1"); a comment in words about the
  // time goes, and any comment ending JavaScript's Date.toString ("GMT-0500 (hora estándar oriental)"), in the reader's language.
  const dateToString = glued?.[1] === 'gmt' && label !== null && label[0].length === rest.length;
  const after =
    bracket ??
    (comment !== undefined && (dateToString || lookup(comment, { cities: false, links: false }) !== null || / time$/.test(comment)) ? comment : undefined) ??
    (lookup(letters, { cities: false, links: false }) ? letters : undefined);
  if (after !== undefined) rest = rest.slice(label![0].length);
  const named = gluedLabel ?? after;
  const zone = lookup(named, bracket === undefined ? { cities: false, links: false } : {});
  if (zone && 'zone' in zone) agreeing(offset, zone.zone, named!, shown, now);
  // RFC 9557: the zone in brackets must have the offset at the instant itself, which the reader checks once it has it.
  const bracketed = bracket !== undefined && zone && 'zone' in zone ? { zone: zone.zone, minutes: offsetMinutesOf(offset, `'${shown}'`) } : undefined;
  const read = (said: string) => (bracketed ? { text: said, bracketed } : { text: said });
  const year = /^ (\d{4})(?=\s|$)/.exec(rest);
  if (year) return read(`${before.trimEnd()} ${year[1]} ${offset}${rest.slice(year[0].length)}`);
  // "10:00 +0530 on dec 1": the offset after a clock, with more of the phrase after it, goes to the end, where it is read;
  // before the polite words that end the phrase, which the reader skips there ("10:00 +0100 please").
  const polite = POLITE_END.exec(rest);
  const more = polite ? rest.slice(0, polite.index).trim() : rest.trim();
  if (AFTER_CLOCK.test(before) && (more !== '' || polite)) return read(`${before}${more}${more ? ' ' : ''}${offset}${polite?.[0] ?? ''}`);
  if (named === undefined && plain === text) return { text };
  return read(`${before}${offset}${rest}`);
}

/** The error for an instant whose offset is not its bracketed zone's then ("2027-07-03T10:00+01:00[Europe/Paris]"). */
export function bracketedZoneError(shown: string, bracketed: { zone: string; minutes: number }, instant: number): UsageError | undefined {
  const then = offsetMinutes(bracketed.zone, instant);
  if (then === bracketed.minutes) return undefined;
  const hm = (m: number) => `${m < 0 ? '-' : '+'}${formatClock(Math.floor(Math.abs(m) / 60), Math.abs(m) % 60)}`;
  return new UsageError(
    `'${shown}' gives the offset ${hm(bracketed.minutes)}, but ${bracketed.zone} is at ${hm(then)} on ${formatDate(wallTime(bracketed.zone, instant))}: they name different instants`,
    'Give the offset alone, or the time zone alone.',
  );
}

/** An offset beside a zone's name must be one that zone keeps (in winter or summer), else the two say different instants. */
function agreeing(offset: string, zone: string, named: string, shown: string, now: number) {
  const minutes = offsetMinutesOf(offset, `'${shown}'`);
  const year = new Date(now).getUTCFullYear();
  const kept = [offsetMinutes(zone, utcMillis(year, 1, 1, 12, 0, 0)), offsetMinutes(zone, utcMillis(year, 7, 1, 12, 0, 0))];
  if (kept.includes(minutes)) return;
  const hm = (m: number) => `${m < 0 ? '-' : '+'}${formatClock(Math.floor(Math.abs(m) / 60), Math.abs(m) % 60)}`;
  const shownName = /^[a-z]{2,5}$/.test(named) ? named.toUpperCase() : zone;
  throw new UsageError(
    `'${shown}' gives the offset ${offset.toUpperCase()} and the time zone ${shownName}, which is at ${[...new Set(kept.map(hm))].join(' or ')}: they name different instants`,
    'Give the offset alone, or the time zone alone.',
  );
}

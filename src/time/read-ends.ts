/**
 * The start, end and count a recurring phrase may carry after its rule, read
 * off its end before the rule itself is read: "starting may 13th", "from
 * tomorrow", "until dec 24", "through friday", "for 4 weeks", "10 times".
 * They mean what --until and --count mean (an end without a time of day
 * includes that whole day), and make the phrase a series.
 */
import { UsageError } from '../errors';
import { parseClock, readWholeClock, settleClock } from './clock';
import { looksRecurring } from './looks-recurring';
import { parseInstant, type InstantOptions } from './once';
import { isPassedThisYearNote } from './resolve-once';
import { MONTH_NAMES, monthOf, unitOf, weekdayOf, withHolidayDates } from './lexicon';
import { readGroups } from './read-recurring';
import { ordinalDay, parseNumber, tokenize } from './words';
import { addDays, dayLabel, daysInMonth, formatLocal, instantFromLocal, wallTime, type WallTime } from './zone';
import type { ExceptDay } from './series';

export interface PhraseEnds {
  /** Unix ms: no run before it. */
  start?: number;
  /** Unix ms: no run after it. */
  until?: number;
  /** At most this many runs. */
  count?: number;
  /** Local days left out: "except tomorrow", "except for dec 25". */
  except?: ExceptDay[];
  /** The words that said them, as typed, for descriptions and errors. */
  said: string[];
  /** Choices made reading them ("next friday" in this week, "next week" from its Monday), said to the user. */
  notes: string[];
  /** A phrase with no ends whose rule reads in these words ("every year dec 1 through dec 24": "every day in december from the 1st through the 24th"). */
  ruleSaid?: string;
}

const COUNT_WORDS = new Set(['times', 'occurrences', 'occurrence', 'runs']);
/** A period said just before a count ("every day 3 times", "weekly 2x"): the count could be that many each period. */
const PERIOD_BEFORE_COUNT: Readonly<Record<string, string>> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  hour: 'hour',
  hourly: 'hour',
  year: 'year',
  yearly: 'year',
};
const START_WORDS = new Set(['starting', 'starts', 'beginning', 'from', 'effective', 'commencing']);
/** A word a rule starts with, after ends said first ("from dec 3 every day"). */
const RULE_START = /^(?:every|each|daily|weekly|monthly|yearly|annually|hourly|weekdays|weekends)$/;
const END_WORDS = new Set(['until', 'till', 'til', 'through', 'thru', 'ending', 'ends', 'up']);

/**
 * The phrase without its ends, and the ends. A clause that reads as a time of
 * day alone ("from 9", "until 5pm") belongs to the rule (a window), not here.
 */
/**
 * Ends as people write them, in the words read below: "until dec 22 inclusive" (an end of a day includes it whole
 * already), "for the rest of the year" or "of the month" (until its last day).
 */
function withPlainEnds(said: string[], today: WallTime): { words: string[]; restSaid?: string } {
  const words = calendarEnds(said);
  const n = words.length;
  if (n > 2 && /^\(?inclusive\)?$/.test(words[n - 1]!) && words.slice(0, -1).some((word) => END_WORDS.has(word))) return { words: words.slice(0, -1) };
  // "for the rest of the day" (of today), "for the remainder of the week": within today, this week, as said with those words;
  // a time of day after them ("every day for the rest of the week at 8pm") is the rule's.
  const tail = / (for the (?:rest|remainder) of (?:the day|today|(?:the|this) (week)))((?: (?:at|@) \S+(?: [ap]\.?m\.?)?)?)$/.exec(` ${words.join(' ')}`);
  const saidRest = tail ? tail[0].trim().split(' ').length : 0;
  if (tail && n > saidRest) {
    const clock = tail[3] ? tail[3].trim().split(' ') : [];
    if (clock.length === 0 || isClock(clock.slice(1).join(' '))) {
      return { words: [...words.slice(0, n - saidRest), ...clock, ...(tail[2] ? ['this', 'week'] : ['today'])], restSaid: tail[1] };
    }
  }
  const rest = words
    .slice(-6)
    .join(' ')
    .replace(/\bremainder\b/, 'rest');
  if (n > 6 && /^for the rest of the (?:year|month)$/.test(rest)) {
    const month = rest.endsWith('year') ? 12 : today.month;
    return { words: [...words.slice(0, -6), 'until', MONTH_NAMES[month - 1]!, String(daysInMonth(today.year, month))] };
  }
  return { words };
}

/** What follows "up to" when it ends a rule by a count ("7x", "5 times") or a span ("2 months", "a year"); else undefined (an end: "up to dec 5"). */
function upToAmount(rest: string[]): 'count' | 'span' | undefined {
  if (TIMES_SIGN.test(rest[0] ?? '') || (COUNT_WORDS.has(rest[1] ?? '') && parseNumber(rest[0]!) !== null)) return 'count';
  return (rest[0] === 'a' || rest[0] === 'an' || parseNumber(rest[0] ?? '') !== null) && /^(?:minutes?|hours?|days?|weeks?|months?|years?)$/.test(rest[1] ?? '') ? 'span' : undefined;
}

/** A count written with a times sign: "3x", "x3", "x 3" (one word from calendarEnds). */
const TIMES_SIGN = /^(\d+)x$|^x ?(\d+)$/;

/**
 * Ends as calendars write them, in the words read below: "as of dec 3" (starting), "starting dec 3 and ending dec 6",
 * "ends after 4 occurrences" (4 times), "x4" (4 times); and a time of day after a count or a span ("every day 3 times
 * at 9am", "every day for the next 3 days at 7pm"), which is the rule's, put before them.
 */
function calendarEnds(phrase: string[]): string[] {
  const said = leadingCount(phrase);
  const words: string[] = [];
  for (let k = 0; k < said.length; k++) {
    const [word, next, after] = [said[k]!, said[k + 1], said[k + 2]];
    if (word === 'as' && next === 'of' && after !== undefined) {
      words.push('starting');
      k++;
    } else if (word === 'and' && (next === 'ending' || next === 'ends') && words.length > 0) continue;
    else if ((word === 'ends' || word === 'ending') && next === 'after' && /^\d+$/.test(after ?? '') && COUNT_WORDS.has(said[k + 3] ?? '')) {
      // A count of fires in all, as "for 4 times" says it.
      words.push('for');
      k++;
    } else if (word === 'up' && next === 'to' && k > 0 && upToAmount(said.slice(k + 2))) {
      // "up to 7x", "for up to 2 months": at most that many, as "7x" and "for 2 months" say (a span needs its "for").
      if (upToAmount(said.slice(k + 2)) === 'span' && words[words.length - 1] !== 'for') words.push('for');
      k++;
    } else if (word === 'x' && /^\d+$/.test(next ?? '') && k > 0 && (k + 2 === said.length || after === 'at' || after === '@')) {
      // One word, as "x2" and "2x" are, that says what the phrase said.
      words.push(`x ${next}`);
      k++;
    } else words.push(word);
  }
  const clockAt = words.findLastIndex((word, k) => (word === 'at' || word === '@') && k > 0 && isClock(words.slice(k + 1).join(' ')));
  if (clockAt < 0) return words;
  const before = words.slice(0, clockAt);
  const last = before.length - 1;
  const counted = COUNT_WORDS.has(before[last] ?? '') || TIMES_SIGN.test(before[last] ?? '') ? (COUNT_WORDS.has(before[last]!) ? last - 1 : last) : -1;
  const forAt = before.lastIndexOf('for');
  const spanned = forAt > 0 && spanLasting(before.slice(forAt + 1).filter((w, k) => !(k === 0 && w === 'the') && !(k <= 1 && w === 'next'))) !== undefined ? forAt : -1;
  const at = counted > 0 ? (before[counted - 1] === 'for' ? counted - 1 : counted) : spanned;
  return at > 0 ? [...before.slice(0, at), ...words.slice(clockAt), ...before.slice(at)] : words;
}

/**
 * "5 times at 9am daily", "3x on mondays": a count said first, before the rule's time or days, is the count of fires, as
 * "at 9am daily 5 times" says. Before a period ("3 times a day", "twice daily") it is how often, and stays.
 */
function leadingCount(said: string[]): string[] {
  const counted = TIMES_SIGN.test(said[0] ?? '') ? 1 : parseNumber(said[0] ?? '') !== null && COUNT_WORDS.has(said[1] ?? '') ? 2 : 0;
  if (counted === 0 || !['at', '@', 'on'].includes(said[counted] ?? '')) return said;
  return [...said.slice(counted), ...said.slice(0, counted)];
}

/** The days `said` (one phrase, or a list of them) name, each a day that happens once and said without a time; else null. */
function exceptDays(said: string | string[], { now, zone }: { now: number; zone: string }): ExceptDay[] | null {
  const days = typeof said === 'string' ? [said] : said;
  if (days.length === 0 || (typeof said !== 'string' && days.length < 2)) return null;
  const read: ExceptDay[] = [];
  for (const day of days) {
    if (!happensOnce(day) || isClock(day)) return null;
    try {
      const instant = instantOf(day, { now, zone, edge: 'start' });
      if (!instant.dateOnly) return null;
      const wall = wallTime(zone, instant.instant);
      read.push({ year: wall.year, month: wall.month, day: wall.day, ...(yearless(day) ? { every_year: true as const } : {}) });
    } catch {
      // Not a day: left to the rule.
      return null;
    }
  }
  return read;
}

/** A day named by its month and its day, with no year and no word tying it to one ("dec 25", "the 4th of july"): every year's. */
function yearless(day: string): boolean {
  const words = day.split(/[\s,]+/);
  return words.some((w) => monthOf(w) !== undefined) && words.some((w) => /^\d{1,2}(?:st|nd|rd|th)?$/.test(w)) && !words.some((w) => /^(?:\d{4}|'\d\d|next|this|last|coming)$/.test(w));
}

export function readEnds(text: string, { now, zone }: { now: number; zone: string }): { rule: string; ends: PhraseEnds } {
  let words = text.trim().split(/\s+/);
  // "between dec 7 and dec 18": two days, as "from dec 7 to dec 18" ("between 9am and 5pm", "between june and august" are the rule's).
  const between = words.indexOf('between');
  const and = words.indexOf('and', between + 1);
  const first = words.slice(between + 1, and).join(' ');
  if (between > 0 && and > between + 1 && happensOnce(first) && !isClock(first) && monthOf(first) === undefined) {
    words = [...words.slice(0, between), 'from', ...words.slice(between + 1, and), 'to', ...words.slice(and + 1)];
  }
  // "from dec 3 every day", "from dec 3 to dec 6 every day at 9am": ends before the rule, read as after it.
  const ruleAt = words[0] === 'from' ? words.findIndex((word, k) => k > 1 && RULE_START.test(word)) : -1;
  if (ruleAt > 0) words = [...words.slice(ruleAt), ...words.slice(0, ruleAt)];
  const plain = withPlainEnds(words, wallTime(zone, now));
  words = yearLast(plain.words);
  const range = dateRangeAsSpan(words);
  if (range.yearly) return { rule: range.words.join(' '), ends: { said: [], notes: [], ruleSaid: range.words.join(' ') } };
  words = range.words;
  const ends: PhraseEnds = { said: [], notes: range.notes };
  /** Words of the rule put as it reads them ("through the end of the month" as its last day). */
  let reworded = false;
  let spanOf: { days: number; months: number; ms: number } | undefined;
  /** A start read as next year's, this year's having passed long ago: a range under way reads it again as this year's. */
  let startSaid: { day: string; notes: string[] } | undefined;
  /** An end said as a weekday alone ("until friday"): one said with a start after it is the first such day after the start. */
  let weekdaySaid: string | undefined;
  /** An end said by its month or a date in it, without a year ("until march", "until march 15"): one before the start said is the first such after the start. */
  let monthSaid: { day: string; notes: string[] } | undefined;
  const set = <K extends 'start' | 'until' | 'count'>(key: K, value: PhraseEnds[K], said: string[], notes: string[] = []) => {
    if (ends[key] !== undefined) throw new UsageError(`'${text.trim()}' gives two ${key === 'count' ? 'counts' : key === 'start' ? 'starts' : 'ends'}`, 'Give one.');
    ends[key] = value;
    ends.said.unshift(said.join(' '));
    ends.notes.push(...notes);
  };
  const dayOf = (day: string, edge: 'start' | 'end') => (edge === 'start' ? spanStart(day, now, zone) : null) ?? edgeDay(day, edge, now, zone);
  // "every other friday starting dec 11 at 4pm", "every monday until march 29 at 10am": the time said with a start or an
  // end is the rule's own when the rule says none (the end is then that whole day).
  const clockForRule = (dayWords: string[], rule: string[], edge: 'start' | 'end' = 'start') => {
    const at = saysTimeOfDay(rule) ? -1 : dayWords.findIndex((w, i) => i > 0 && (w === 'at' || w === '@') && isClock(dayWords.slice(i + 1).join(' ')));
    if (at < 0) return undefined;
    try {
      const day = dayOf(dayWords.slice(0, at).join(' '), edge);
      return day.dateOnly ? { day, clock: dayWords.slice(at) } : undefined;
    } catch {
      return undefined;
    }
  };
  // "starting tomorrow on weekends": a start said first; the longest day after the word that reads as one.
  if (START_WORDS.has(words[0]!) && words[0] !== 'from') {
    for (let e = words.length - 1; e >= 2; e--) {
      const day = words.slice(1, e).join(' ');
      if (isClock(day.replace(/^(?:at|@) /, ''))) continue;
      const moved = clockForRule(words.slice(1, e), words.slice(e));
      if (moved) {
        set('start', moved.day.instant, words.slice(0, e - moved.clock.length), moved.day.notes);
        words = [...words.slice(e), ...moved.clock];
        break;
      }
      try {
        const read = dayOf(day, 'start');
        set('start', read.instant, words.slice(0, e), read.notes);
      } catch {
        continue;
      }
      words = words.slice(e);
      break;
    }
  }
  for (let peeled = true; peeled && words.length > 1;) {
    peeled = false;
    const n = words.length;
    // "except tomorrow", "except for dec 25": one day left out ("except sundays" is a rule's days, read by the grammar).
    const exceptAt = words.lastIndexOf('except');
    if (exceptAt > 0 && ends.except === undefined) {
      const from = ['for', 'on'].includes(words[exceptAt + 1] ?? '') ? exceptAt + 2 : exceptAt + 1;
      const day = holidaysAsDates(words.slice(from).join(' '), `'${text.trim()}': '${words.slice(exceptAt).join(' ')}'`, { now, zone });
      // "except the 25th" could be every 25th, "except december" is every December: only a day that happens once is left out.
      const monthsOnly = day.split(/[\s,]+/).every((w) => monthOf(w) !== undefined || ['and', 'in', 'during', '&', ''].includes(w));
      if (day !== '' && happensOnce(day) && !isClock(day) && !monthsOnly) {
        // "except dec 24 and dec 25", "except tomorrow, friday and dec 1": each a day that happens once.
        const days =
          exceptDays(day, { now, zone }) ??
          exceptDays(
            day.split(/ *(?:,|\band\b|&) */).filter((part) => part !== ''),
            { now, zone },
          );
        if (days) {
          ends.except = days;
          const yearly = days.filter((d) => d.every_year).map((d) => `${MONTH_NAMES[d.month - 1]} ${d.day}`);
          if (yearly.length > 0)
            ends.notes.push(
              `read '${words.slice(exceptAt).join(' ')}' as every year's ${yearly.join(' and ')}; give the year (such as '${yearly[0]} ${days.find((d) => d.every_year)!.year}') to leave out that day alone`,
            );
          ends.said.unshift(words.slice(exceptAt).join(' '));
          words = words.slice(0, exceptAt);
          peeled = true;
          continue;
        }
      }
    }
    // "10 times", "three times", "for 4 times", "5 occurrences", "3x".
    const times = TIMES_SIGN.exec(words[n - 1]!);
    if ((COUNT_WORDS.has(words[n - 1]!) && n > 2) || (times && n > 1)) {
      const count = times ? Number(times[1] ?? times[2]) : parseNumber(words[n - 2]!);
      if (count !== null && Number.isInteger(count) && count >= 1) {
        const at = (times ? n - 1 : n - 2) - (words[(times ? n - 1 : n - 2) - 1] === 'for' ? 1 : 0);
        // "every day 3 times", "daily 3x" could also be three a day: read as three fires in all, said.
        const period = words[at] === 'for' ? undefined : PERIOD_BEFORE_COUNT[words[at - 1] ?? ''];
        const fires = `${count} ${count === 1 ? 'fire' : 'fires'}`;
        // "every monday and wednesday 3 times", "at 9am and 5pm 3 times": of all the rule's fires together, said.
        const listed = words.slice(0, at).some((word) => word === 'and' || word === '&');
        const said = words.slice(at).join(' ');
        set(
          'count',
          count,
          words.slice(at),
          period ? [`read '${said}' as ${fires} in all, not ${count} each ${period}`] : listed ? [`read '${said}' as ${fires} in all, counting every day and time the rule names`] : [],
        );
        words = words.slice(0, at);
        peeled = true;
        continue;
      }
    }
    // "for 4 weeks", "for a week", "for the next 3 days", "for 3 hours", "for a year" (12 months).
    const forAt = words.lastIndexOf('for');
    if (forAt > 0) {
      const span = words.slice(forAt + 1).filter((w, k) => !(k === 0 && w === 'the') && !(k <= 1 && w === 'next'));
      // "every hour for 3 hours from 2pm": the time it starts said after the span, read as "from 2pm for 3 hours".
      const startAt = span.findIndex((w, k) => k > 0 && START_WORDS.has(w) && clockStart(span.slice(k)) !== null);
      const lasting = spanLasting(startAt > 0 ? span.slice(0, startAt) : span);
      if (lasting && (startAt < 0 || (lasting.days === 0 && lasting.months === 0))) {
        // Counted from the start, which may come before it in the phrase: resolved below.
        set('until', 0, words.slice(forAt));
        spanOf = lasting;
        words = [...words.slice(0, forAt), ...(startAt > 0 ? span.slice(startAt) : [])];
        peeled = true;
        continue;
      }
    }
    // "the next 3 sundays", "for the next four mondays": that many of the weekday, from now.
    const weekdayCount = n >= 3 && words[n - 3] === 'next' && /s$/.test(words[n - 1]!) && weekdayOf(words[n - 1]) !== undefined ? parseNumber(words[n - 2]!) : null;
    let at = n - 3;
    if (words[at - 1] === 'the') at--;
    if (words[at - 1] === 'for') at--;
    // The weekday is the rule: beside another ("every day for the next 3 sundays") it is not read.
    const ruleBefore = words.slice(0, at).some((word) => /^(?:every|each|daily|weekly|monthly|weekdays?|weekends?)$/.test(word) || weekdayOf(word) !== undefined);
    if (weekdayCount !== null && Number.isInteger(weekdayCount) && weekdayCount >= 1 && !ruleBefore) {
      set('count', weekdayCount, words.slice(at));
      words = [...words.slice(0, at), 'every', words[n - 1]!];
      peeled = true;
      continue;
    }
    // "every monday in 2027", "daily during 2027": within that year, from its first day (or now) to the end of its last.
    const year = /^\d{4}$/.test(words[n - 1]!) ? Number(words[n - 1]) : NaN;
    // "every monday in january 2027": the month stays the rule's, the year bounds it.
    const monthFirst = monthOf(words[n - 2]?.replace(/,$/, '')) !== undefined && ['in', 'during'].includes(words[n - 3] ?? '');
    const yearAt = monthFirst ? n - 1 : words[n - 2] === 'year' && words[n - 3] === 'the' ? n - 4 : n - 2;
    if (Number.isInteger(year) && (monthFirst || ['in', 'during', 'throughout'].includes(words[yearAt] ?? '')) && yearAt > 0) {
      const end = instantFromLocal(zone, { year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) - 1;
      if (end <= now) throw new UsageError(`'${text.trim()}' is in the past: ${year} has ended`, 'Give a year to come.');
      // "every day in june 2026" said in December 2026: the month named has ended, though its year has not.
      const month = monthFirst ? monthOf(words[n - 2]!.replace(/,$/, ''))! : 12;
      const monthEnd = instantFromLocal(zone, { ...(month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }), day: 1, hour: 0, minute: 0, second: 0 }) - 1;
      if (monthEnd <= now) throw new UsageError(`'${text.trim()}' is in the past: ${MONTH_NAMES[month - 1]} ${year} has ended`, 'Give a month to come.');
      const start = instantFromLocal(zone, { year, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
      set('until', end, words.slice(yearAt));
      if (start > now) {
        if (ends.start !== undefined) throw new UsageError(`'${text.trim()}' gives two starts`, 'Give one.');
        ends.start = start;
      }
      words = words.slice(0, yearAt).map((word, k) => (monthFirst && k === yearAt - 1 ? word.replace(/,$/, '') : word));
      peeled = true;
      continue;
    }
    // "every hour today", "every 15 minutes tomorrow from 9 to 5": within that one day, said. (After a start or an end word,
    // "until 5pm today", the day is theirs.)
    const ownsDay = (v: string, i: number, k: number) => END_WORDS.has(v) || (START_WORDS.has(v) && !(v === 'from' && words.slice(i + 1, k).includes('to')));
    let dayAt = words.findIndex((w, k) => k > 0 && (w === 'today' || w === 'tomorrow') && !words.slice(0, k).some((v, i) => ownsDay(v, i, k)));
    // "every hour today until 6pm": the end is a time of that day, as "every hour until 6pm today" says.
    // ("every hour tomorrow until 6pm" would start tomorrow, which "until 6pm tomorrow" does not say: left to be refused.)
    if (dayAt > 0 && words[dayAt] === 'today' && END_WORDS.has(words[dayAt + 1] ?? '') && words[dayAt + 1] !== 'up' && isClock(words.slice(dayAt + 2).join(' '))) {
      words = [...words.slice(0, dayAt), ...words.slice(dayAt + 1), words[dayAt]!];
      peeled = true;
      continue;
    }
    // A rule that names its days ("daily at 9am", "every 30 minutes on weekdays") does not unite with one day: left to be refused.
    const namesDays = words.some(
      (w) =>
        weekdayOf(w) !== undefined ||
        monthOf(w) !== undefined ||
        /^(?:daily|weekly|monthly|yearly|annually|nightly|days?|weekdays?|weekends?|weeks?|months?|years?|\d+(?:st|nd|rd|th)|first|third|fourth|last|other)$/.test(w),
    );
    if (dayAt > 0 && !namesDays) {
      const today = wallTime(zone, now);
      const day = words[dayAt] === 'today' ? today : addDays(today, 1);
      const start = words[dayAt] === 'today' ? undefined : instantFromLocal(zone, { ...day, hour: 0, minute: 0, second: 0 });
      const daySaid = words[dayAt] === 'today' && plain.restSaid ? plain.restSaid : words[dayAt]!;
      set('until', instantFromLocal(zone, { ...addDays(day, 1), hour: 0, minute: 0, second: 0 }) - 1, [daySaid], [`read '${daySaid}' as within ${dayLabel(day)}, this once`]);
      if (start !== undefined) {
        if (ends.start !== undefined) throw new UsageError(`'${text.trim()}' gives two starts`, 'Give one.');
        ends.start = start;
      }
      words = [...words.slice(0, dayAt), ...words.slice(dayAt + 1)];
      peeled = true;
      continue;
    }
    // "every day this week", "every monday next month at 8am": within that span, from its first day (or now) to the end of its last.
    const spanAt = withinSpanAt(words);
    if (spanAt > 0) {
      const within = calendarSpan(words[spanAt] as 'this' | 'next', words[spanAt + 1] as 'week' | 'month', now, zone);
      const spanSaid = words[spanAt] === 'this' && words[spanAt + 1] === 'week' && plain.restSaid ? plain.restSaid : undefined;
      set('until', within.until, spanSaid ? [spanSaid] : words.slice(spanAt, spanAt + 2), [spanSaid ? within.note.replace(`'this week'`, `'${spanSaid}'`) : within.note]);
      if (within.start !== undefined) {
        if (ends.start !== undefined) throw new UsageError(`'${text.trim()}' gives two starts`, 'Give one.');
        ends.start = within.start;
      }
      words = [...words.slice(0, spanAt), ...words.slice(spanAt + 2)];
      peeled = true;
      continue;
    }
    // "until dec 24", "starting may 13th": the last such word whose rest is a day.
    for (let k = n - 2; k > 0; k--) {
      const word = words[k]!;
      const isEnd = END_WORDS.has(word) && (word !== 'up' || words[k + 1] === 'to');
      if (!isEnd && !START_WORDS.has(word)) continue;
      // "starting from dec 1": the start word before it says the start.
      if (word === 'from' && START_WORDS.has(words[k - 1] ?? '') && words[k - 1] !== 'from') continue;
      // "every day this month from the 23rd until the 25th": bounded already (or its month named), the days are a range in it.
      const boundedMonth = ends.until !== undefined || words.some((w) => monthOf(w.replace(/[.,]$/, '')) !== undefined);
      // "monday through thursday", "jan through march", "the 1st through the 10th": a range of days, not an end.
      const [before, after] = [words[k - 1], (words[k + 1] === 'the' ? words[k + 2] : words[k + 1])?.replace(/[.,]$/, '')];
      // "every weekday starting monday until friday": a start's day, then an end's ("from monday through friday" is the days).
      const startsBefore = /^(?:starting|beginning|commencing|effective)$/.test(words[k - 2] ?? '');
      // "daily starting in april until march": a start's month, then an end's ("from april until march" is the months).
      const startsInBefore = startsBefore || (words[k - 2] === 'in' && /^(?:starting|beginning|commencing|effective)$/.test(words[k - 3] ?? ''));
      const range =
        (weekdayOf(before) !== undefined && weekdayOf(after) !== undefined && !startsBefore) ||
        (monthOf(before) !== undefined && monthOf(after) !== undefined && k + 2 === n && !startsInBefore) ||
        // "from the 23rd until the 25th" ends there: "until" says an end, as everywhere. "the 5th and 25th through the end of the month".
        // "from the 25th through the end of the month" is to the end of this one, as said with "until".
        (/^\d+(?:st|nd|rd|th)$/.test(before ?? '') &&
          (/^(?:\d+(?:st|nd|rd|th)|last)$/.test(after ?? '') || (endOfMonthAt(words, k + 1) && !words.slice(Math.max(0, k - 3), k).includes('from'))) &&
          (!/^(?:until|till|til)$/.test(word) || boundedMonth)) ||
        // "on day 1 through 5 of the month", "days 1 and 22 through 28", "day 1 through 10 and 20 through the last day of the month": days
        // of the month, as cron describers say them.
        (dayListBefore(words, k) && (/^\d{1,2}$/.test(after ?? '') || after === 'last' || endOfMonthAt(words, k + 1)));
      if (isEnd && range) {
        // "the 5th and 25th through the end of the month": its last day, as the rule reads it.
        if (endOfMonthAt(words, k + 1)) {
          const at = words.indexOf('end', k + 1);
          words.splice(at, words[at + 2] === 'the' ? 4 : 3, 'last', 'day', 'of', 'the', 'month');
          reworded = true;
        }
        continue;
      }
      // "from 9 through 17 on monday", "past every hour from 9 through 17 in june" (crontab.guru's), "from 9 until 5 on monday": a
      // window's hours, as with "to", whatever days follow.
      if (isEnd && word !== 'up' && words[k - 2] === 'from' && isClock(before ?? '') && isClock(after ?? '')) continue;
      // crontab.guru's "on every day-of-week from monday through friday", "in every month from january through june": the rule's days or months.
      const [first, last] = [words[k + 1], words[k + 3]?.replace(/[.,]$/, '')];
      const named = (weekdayOf(first) !== undefined && weekdayOf(last) !== undefined) || (monthOf(first) !== undefined && monthOf(last) !== undefined);
      if (word === 'from' && named && (words[k + 2] === 'through' || words[k + 2] === 'thru')) continue;
      // "until a week from friday", "until 2 weeks from tomorrow": a span counted from a day, the end's own words, not a start.
      const counted = unitOf(words[k - 1]) !== undefined || /^[a-z]+days$/.test(words[k - 1] ?? '');
      if (word === 'from' && counted && words.slice(Math.max(0, k - 4), k - 1).some((w) => END_WORDS.has(w))) continue;
      let from = k + 1;
      if (word === 'up' || (['ending', 'ends', 'starting', 'starts', 'beginning', 'effective', 'commencing'].includes(word) && ['on', 'from', 'at'].includes(words[from] ?? ''))) from++;
      if (words[from] === 'to' && word === 'up') from++;
      const day = words.slice(from).join(' ');
      // "until the end of next week": the Sunday that ends it, as "every day next week" reads the week (Monday to Sunday), said.
      if (isEnd && /^(?:the )?end of (?:the |this |next )?week$/.test(day)) {
        const span = calendarSpan(/\bnext\b/.test(day) ? 'next' : 'this', 'week', now, zone);
        const sunday = dayLabel(wallTime(zone, span.until));
        set('until', span.until, words.slice(k), [`read '${day}' as to the end of ${sunday}, a week being Monday to Sunday; name the day to end sooner, such as 'until friday'`]);
        words = words.slice(0, k);
        peeled = true;
        break;
      }
      // "until the end of the day", "until end of today": to midnight as that day ends, said (a working day's end, 5pm or 6pm,
      // is the other reading).
      const dayEnd = isEnd ? /^(?:the )?end of (?:(?:the|this) day|day|today|(tomorrow))$/.exec(day) : null;
      if (dayEnd) {
        const last = addDays(wallTime(zone, now), dayEnd[1] ? 1 : 0);
        const until = instantFromLocal(zone, { ...addDays(last, 1), hour: 0, minute: 0, second: 0 }) - 1;
        set('until', until, words.slice(k), [`read '${day}' as midnight as ${dayLabel(last)} ends; give the hour to end sooner, such as 'until 5pm'`]);
        words = words.slice(0, k);
        peeled = true;
        break;
      }
      // "until 5pm" closes a window the rule opened ("from 9am until 5pm", "starting at 9am until 5pm"); without one it is the next 5pm.
      const opensWindow = /\b(?:from|starting|beginning|between|after)\b/.test(words.slice(0, k).join(' ')) || clockAfterInterval(words.slice(0, k));
      if (day === '' || (isClock(day) && (!isEnd || word === 'through' || word === 'thru' || opensWindow))) continue;
      const moved = clockForRule(words.slice(from), words.slice(0, k), isEnd ? 'end' : 'start');
      if (moved) {
        const endNote = isEnd ? [timeOfEndNote(words.slice(k), moved.clock)] : [];
        set(isEnd ? 'until' : 'start', moved.day.instant, words.slice(k, words.length - moved.clock.length), [...moved.day.notes, ...endNote]);
        words = [...words.slice(0, k), ...moved.clock];
        peeled = true;
        break;
      }
      let read: { instant: number; notes: string[] };
      try {
        // "until 5": a bare hour is a time of day, read by the clock rule ("at 5").
        read = dayOf(isEnd && /^\d{1,2}$/.test(day) ? `at ${day}` : day, isEnd ? 'end' : 'start');
        if (!isEnd && 'passedOver' in read) startSaid = { day, notes: read.notes };
        if (isEnd && weekdayOf(day) !== undefined) weekdaySaid = day;
        if (isEnd && day.split(' ').some((word) => monthOf(word) !== undefined) && !/\b(?:\d{4}|next|this|last|after)\b/.test(day)) monthSaid = { day, notes: read.notes };
      } catch (error) {
        if (error instanceof UsageError && /in the past/.test(error.message)) throw new UsageError(`'${text.trim()}': ${error.message}`, error.hint);
        if (error instanceof UsageError && /outside the dates/.test(error.message))
          throw new UsageError(`'${text.trim()}': ${error.message}`, isEnd ? 'Give an earlier end, or leave it out.' : 'Give a start within them.');
        // "from jan 4 to march 25th": a start and an end together.
        const pair = isEnd ? null : inPhrase(() => startAndEnd(words.slice(from), now, zone), text);
        if (!pair) continue;
        // "every monday from jan 4 to march 29 at 10am": the time is the rule's when it says none.
        const moved = clockForRule(words.slice(from + pair.endAt + 1), words.slice(0, k), 'end');
        set('start', pair.start, words.slice(k, from + pair.endAt), pair.notes);
        set(
          'until',
          moved ? moved.day.instant : pair.until,
          words.slice(from + pair.endAt, moved ? words.length - moved.clock.length : words.length),
          moved ? [timeOfEndNote(words.slice(from + pair.endAt), moved.clock)] : [],
        );
        words = [...words.slice(0, k), ...(moved?.clock ?? [])];
        peeled = true;
        break;
      }
      // "every day until 5pm": a time of day alone ends the rule at its next one, which may leave a run or none.
      const clockEnd = isEnd && isClock(day) ? [`read '${words.slice(k).join(' ')}' as the next ${formatLocal(zone, read.instant)}; give a day to end later, such as 'until friday ${day}'`] : [];
      set(isEnd ? 'until' : 'start', read.instant, words.slice(k), [...read.notes, ...clockEnd]);
      words = words.slice(0, k);
      peeled = true;
      break;
    }
  }
  // "every 30 minutes starting at 3pm for 2 hours", "every hour from 2pm for 3 hours": hours from the next such time, so a window
  // on that one day ("every hour from 14:00 to 17:00"), said.
  const startClock = spanOf && spanOf.days === 0 && spanOf.months === 0 && spanOf.ms > 0 && spanOf.ms < 24 * 3_600_000 && ends.start === undefined ? clockStartAtEnd(words) : null;
  if (spanOf && startClock) {
    const start = instantOf(`at ${startClock.clock}`, { now, zone });
    const until = start.instant + spanOf.ms;
    const [from, to] = [wallTime(zone, start.instant), wallTime(zone, until)];
    const clock = (w: WallTime) => `${w.hour % 12 || 12}:${String(w.minute).padStart(2, '0')}${w.hour < 12 ? 'am' : 'pm'}`;
    const startSaid = words.slice(startClock.at).join(' ');
    const span = ends.said.find((said) => said.startsWith('for '))!;
    const rule = words.slice(0, startClock.at).join(' ');
    ends.start = start.instant;
    ends.until = until;
    ends.notes.push(
      ...start.notes,
      `read '${span.endsWith(startSaid) ? span : `${startSaid} ${span}`}' as from ${clock(from)} to ${clock(to)} on ${dayLabel(from)}, this once; for every day give the window, such as '${rule} from ${clock(from)} to ${clock(to)}'`,
    );
    words = [...words.slice(0, startClock.at), 'from', clock(from), 'to', clock(to)];
    spanOf = undefined;
  }
  // "every 30 minutes after 3pm for 2 hours": the hours would count from now, not from the rule's own start.
  if (spanOf && spanOf.ms > 0 && ends.start === undefined && words.some((w) => START_WORDS.has(w) || w === 'after' || w === 'between')) {
    throw new UsageError(
      `'${text.trim()}': '${ends.said.find((said) => said.startsWith('for '))}' would count from now, not from the time the rule starts`,
      "Give the hours as a window instead, such as 'every 30 minutes from 3pm to 5pm'.",
    );
  }
  if (spanOf) ends.until = spanEnd(ends.start ?? now, zone, spanOf.days, spanOf.months) + spanOf.ms;
  // "from september 1 until december 15" said in November: a range under way starts this year, however long ago.
  if (startSaid && ends.start !== undefined && ends.until !== undefined && ends.until <= ends.start) {
    const again = edgeDay(startSaid.day, 'start', now, zone, YEAR_MS);
    if (again.instant < ends.until) {
      ends.start = again.instant;
      ends.notes = [...ends.notes.filter((note) => !startSaid!.notes.includes(note)), ...again.notes];
    }
  }
  // "every weekday starting monday until friday" said on a Wednesday: the Friday after that Monday, said.
  if (weekdaySaid && ends.start !== undefined && ends.until !== undefined && ends.until <= ends.start) {
    const after = edgeDay(weekdaySaid, 'end', ends.start, zone);
    ends.until = after.instant;
    ends.notes.push(`read '${weekdaySaid}' as ${dayLabel(wallTime(zone, after.instant))}, the first after the start`);
  }
  // "starting in april, daily until march (15)": the March after that April, said ("starting dec 20 until dec 10", in one month, is
  // more likely a slip than a year: refused below).
  const sameMonth = (a: number, b: number) => wallTime(zone, a).month === wallTime(zone, b).month;
  if (monthSaid && ends.start !== undefined && ends.until !== undefined && ends.until <= ends.start && !sameMonth(ends.start, ends.until)) {
    const after = instantOf(monthSaid.day, { now: ends.start, zone, edge: 'end' });
    if (after.instant > ends.start) {
      const wall = wallTime(zone, after.instant);
      ends.until = after.instant;
      ends.notes = [...ends.notes.filter((note) => !monthSaid!.notes.includes(note)), `read '${monthSaid.day}' as ${dayLabel(wall)} ${wall.year}, the first after the start`];
    }
  }
  if (ends.start !== undefined && ends.until !== undefined && ends.until <= ends.start) {
    throw new UsageError(`'${text.trim()}' ends before it starts`, 'Give an end after the start.');
  }
  if (reworded && ends.said.length === 0) ends.ruleSaid = words.join(' ');
  return { rule: words.join(' '), ends };
}

const DAY_NUMBER = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?$/;

/** Whether the words before `k` are days of the month said after "day" or "days": "days 1, 5 and 22", "day 1 through 10 and 20". */
function dayListBefore(words: string[], k: number): boolean {
  if (!/^\d{1,2},?$/.test(words[k - 1] ?? '')) return false;
  for (let i = k - 2; i >= 0; i--) {
    const word = words[i]!;
    if (/^days?$/.test(word)) return true;
    if (!/^(?:\d{1,2},?|and|&|,|through|thru|to|-)$/.test(word)) return false;
  }
  return false;
}

/** "from 2pm", "starting at 9", "beginning at 9:30am": a start that is a time of day alone, as its clock words, or null. */
function clockStart(words: readonly string[]): string | null {
  if (!START_WORDS.has(words[0] ?? '')) return null;
  const clock = words.slice(words[1] === 'at' || words[1] === '@' ? 2 : 1).join(' ');
  return clock !== '' && isClock(clock) ? clock : null;
}

/** The start said last in a rule as a time of day alone ("every hour from 2pm"): where it begins, and its clock. */
function clockStartAtEnd(words: readonly string[]): { at: number; clock: string } | null {
  for (let k = words.length - 2; k > 0; k--) {
    const clock = clockStart(words.slice(k));
    if (clock !== null) return { at: k, clock };
  }
  return null;
}

/** Whether "the end of the month" (or "end of month") starts at `at`. */
function endOfMonthAt(words: string[], at: number): boolean {
  const from = words[at] === 'the' ? at + 1 : at;
  return words[from] === 'end' && words[from + 1] === 'of' && (words[from + 2] === 'month' || (words[from + 2] === 'the' && words[from + 3] === 'month'));
}

const RANGE_WORDS = new Set(['to', 'through', 'thru', 'until', 'till', 'til', '-']);

/** How many words before `at` say a day of a month with its month ("dec 1", "1 dec", "december 1st"), or 0. */
function monthDayEndingAt(words: string[], at: number): number {
  const [a, b] = [words[at - 2], words[at - 1]];
  return (monthOf(a) !== undefined && DAY_NUMBER.test(b ?? '')) || (DAY_NUMBER.test(a ?? '') && monthOf(b?.replace(/,$/, '')) !== undefined) ? 2 : 0;
}

/**
 * "every day dec 1 through dec 24", "daily dec 1 to dec 24", "every dec 1 until dec 24": a rule, then two days of
 * months, is every day (or the rule's days) from the first through the second; read as the rule's day, the first
 * fires once a year and the end leaves it one run. Bare "every" before them is every day, said. "every year dec 1
 * through dec 24", "yearly from dec 1 to dec 24": those days of that month every year.
 */
function dateRangeAsSpan(words: string[]): { words: string[]; notes: string[]; yearly?: true } {
  const k = words.findIndex((word, i) => RANGE_WORDS.has(word) && i >= 3 && monthDayEndingAt(words, i) > 0 && monthDayEndingAt(words, i + 3) > 0);
  if (k < 0) return { words, notes: [] };
  const rule = words.slice(0, k - 2);
  while (rule.at(-1) === 'on' || rule.at(-1) === 'from') rule.pop();
  const [first, last] = [words.slice(k - 2, k), words.slice(k + 1, k + 3)];
  const monthIn = (said: string[]) => monthOf(said.map((w) => w.replace(/,$/, '')).find((w) => monthOf(w) !== undefined))!;
  const dayIn = (said: string[]) => ordinalDay(Number.parseInt(said.find((w) => DAY_NUMBER.test(w)) ?? '', 10));
  const sameMonth = monthIn(first) === monthIn(last);
  const inMonth = `every day in ${MONTH_NAMES[monthIn(first) - 1]!.toLowerCase()} from the ${dayIn(first)} through the ${dayIn(last)}`;
  // "dec 1 to dec 24, 2027", "... next year": the year is both days', not the end's alone.
  const after = words.slice(k + 3);
  const year = /^\d{4},?$/.test(after[0] ?? '') ? [after[0]!.replace(/,$/, '')] : after[0] === 'next' && after[1] === 'year' ? ['next', 'year'] : [];
  const rest = after.slice(year.length);
  // Every year, those days of the month (a clock may follow; other ends, or a year, are not read with it).
  if (/^(?:(?:every|each) year|yearly|annually|annual)$/.test(rule.join(' ')))
    return sameMonth && year.length === 0 && (rest.length === 0 || rest[0] === 'at') ? { words: [...inMonth.split(' '), ...rest], notes: [], yearly: true } : { words, notes: [] };
  if (!/^(?:every|each|daily)$/.test(rule[0] ?? '') || rule.some((word) => START_WORDS.has(word) || /^(?:between|years?|yearly|annual|annually|months?|monthly)$/.test(word)))
    return { words, notes: [] };
  const everyDay = rule.length === 1 && rule[0] !== 'daily';
  const dated = (said: string[]) => [...said.map((w, i) => (i === said.length - 1 ? w.replace(/,$/, '') : w)), ...year];
  const range = [...(everyDay ? ['every', 'day'] : rule), 'from', ...dated(first), words[k] === '-' ? 'through' : words[k]!, ...dated(last)];
  const notes = everyDay
    ? [
        `read '${words.slice(0, k + 3 + year.length).join(' ')}' as every day from ${dated(first).join(' ')} through ${dated(last).join(' ')}, this time only` +
          (sameMonth && year.length === 0 ? `; for those days every year, say '${inMonth}'` : ''),
      ]
    : [];
  return { words: [...range, ...rest], notes };
}

/**
 * Where "this week", "next week", "this month" or "next month" stands after a rule's first words
 * ("every day this week", "every weekday next week at 10am"), or -1. After a start or end word,
 * or a weekday after one, it is part of that start or end ("starting next week", "until friday
 * next week"), read elsewhere.
 */
function withinSpanAt(words: string[]): number {
  const startsOrEnds = (word: string | undefined) => word !== undefined && (START_WORDS.has(word) || END_WORDS.has(word));
  for (let k = words.length - 2; k >= 1; k--) {
    if ((words[k] !== 'this' && words[k] !== 'next') || (words[k + 1] !== 'week' && words[k + 1] !== 'month')) continue;
    // "until the end of next month": an edge of the span, read with the end.
    if (words[k - 1] === 'of') continue;
    if (!startsOrEnds(words[k - 1]) && !(weekdayOf(words[k - 1]) !== undefined && startsOrEnds(words[k - 2]))) return k;
  }
  return -1;
}

/**
 * "every day in june 2027 at 8am", "every monday in 2027 at 9am": a year said inside the phrase
 * bounds it as it does at the end, so it is moved there ("every day at 8am in june 2027").
 */
function yearLast(words: string[]): string[] {
  for (let y = 1; y < words.length - 1; y++) {
    if (!/^\d{4}$/.test(words[y]!)) continue;
    const monthAt = monthOf(words[y - 1]?.replace(/,$/, '')) !== undefined ? y - 1 : y;
    const from = monthAt - 1;
    if (from > 0 && ['in', 'during'].includes(words[from]!)) return [...words.slice(0, from), ...words.slice(y + 1), ...words.slice(from, y + 1)];
  }
  return words;
}

/** A day named so that it happens once: "tomorrow", "next friday", "dec 25", "2027-01-04" (not "the 25th" or "friday", which recur). */
/**
 * "except christmas", "except new year's day": a holiday on a fixed date left out is that date, every year's. One that moves
 * ("except thanksgiving") is refused: left out as this year's date, it would skip that date in later years instead.
 */
function holidaysAsDates(day: string, said: string, { now, zone }: { now: number; zone: string }): string {
  const moves: string[] = [];
  let dates = day;
  // One holiday at a time: "except christmas and new year's day".
  for (let before = ''; before !== dates;) {
    before = dates;
    dates = withHolidayDates(dates, moves);
    if (moves.length > 0) {
      const next = wallTime(zone, instantOf(dates, { now, zone, edge: 'start' }).instant);
      throw new UsageError(
        `${said} leaves out a holiday whose date moves from year to year, and a rule leaves out only the same date each year`,
        `Give the date to leave out, such as 'except ${MONTH_NAMES[next.month - 1]!.toLowerCase()} ${next.day} ${next.year}'.`,
      );
    }
  }
  return dates;
}

function happensOnce(day: string): boolean {
  return day.split(/[\s,]+/).some((w) => monthOf(w) !== undefined || /^(?:today|tomorrow|tmrw|next|this|\d{4}(?:-\d{1,2}-\d{1,2})?)$/.test(w));
}

const YEAR_MS = 365 * 86_400_000;

/** An end said without its year whose day this year has passed (edgeDay). */
class EndPassed extends UsageError {}

/** `read`'s answer; an end that has passed is said with the phrase it is in. */
function inPhrase<T>(read: () => T, text: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EndPassed) throw new UsageError(`'${text.trim()}': ${error.message}`, error.hint);
    throw error;
  }
}

/** A start or an end whose day this year passed within this long is that day gone by; one passed longer ago is next year's. */
const RECENTLY_PASSED_MS = 61 * 86_400_000;

/**
 * A start or an end said as a date without its year: this year's when it passed lately ("starting nov 30" on 5 December:
 * a start already passed, the rule runs from now, said; an end passed, refused), else the next one ("until june 5" said
 * in November is next June's), never a date a year away for a day just gone.
 */
function edgeDay(day: string, edge: 'start' | 'end', now: number, zone: string, passedWithin = RECENTLY_PASSED_MS): ReturnType<typeof parseInstant> & { passedOver?: true } {
  const read = edge === 'start' ? pastStartOrRead(day, now, zone) : instantOf(day, { now, zone, edge });
  // The one-time reader says a date was read next year only when this year's passed within a month; a start or an end
  // said by its month ("starting oct 20" on 3 December) is weighed whenever this year's is the nearer.
  const byMonth = day.split(' ').some((word) => monthOf(word.replace(/[.,]$/, '')) !== undefined) && !/\b(?:in|next|after|from|\d{4})\b/.test(day);
  if (!read.notes.some(isPassedThisYearNote) && !(byMonth && read.instant - now > YEAR_MS / 2)) return read;
  const wall = wallTime(zone, read.instant);
  // The same words read a year earlier: this year's day ("nov 30", "the last friday of november"), gone by.
  let gone: number;
  try {
    gone = instantOf(day, { now: now - YEAR_MS, zone, edge }).instant;
  } catch {
    return read;
  }
  if (gone >= now) return read;
  const before = wallTime(zone, gone);
  const said = `${dayLabel(before)} ${before.year}`;
  // Passed long ago: next year's, said.
  if (now - gone > passedWithin)
    return { ...read, passedOver: true, notes: [...read.notes.filter((note) => !isPassedThisYearNote(note)), `read '${day}' as ${dayLabel(wall)} ${wall.year}: ${said} has passed`] };
  if (edge === 'end') {
    throw new EndPassed(`the end '${day}' is in the past (${said}): the schedule would have ended`, `Give an end still to come, such as '${day} ${wall.year}'.`);
  }
  // Kept as said, so a rule that counts from its start keeps its step ("every 3 days starting nov 30": Dec 3, 6, ...).
  return { ...read, instant: gone, notes: [`read '${day}' as ${said}, which has passed: it runs from now; give the year for ${dayLabel(wall)} ${wall.year}`] };
}

/**
 * A start said as a date with its year that has passed ("starting 2026-12-13" read again weeks later, as sync does): the
 * series counts from it still ("every other sunday" keeps its Sundays) and runs from now, said.
 */
function pastStartOrRead(day: string, now: number, zone: string): ReturnType<typeof parseInstant> {
  try {
    return instantOf(day, { now, zone, edge: 'start' });
  } catch (error) {
    if (!(error instanceof UsageError) || !/ is in the past: /.test(error.message) || !/\b(?:19|20|21)\d\d\b/.test(day)) throw error;
    const read = instantOf(day, { now: 0, zone, edge: 'start' });
    const wall = wallTime(zone, read.instant);
    return { ...read, notes: [...read.notes, `read '${day}' as ${dayLabel(wall)} ${wall.year}, which has passed: it runs from now`] };
  }
}

/** "jan 4 to march 25th", "tomorrow until next friday": two days, as a start and an end (with the notes of reading them), or null. */
function startAndEnd(words: string[], now: number, zone: string): { start: number; until: number; endAt: number; notes: string[] } | null {
  for (let k = 1; k < words.length - 1; k++) {
    if (!['to', 'until', 'till', 'through', 'thru', '-'].includes(words[k]!)) continue;
    const first = words.slice(0, k).join(' ');
    const last = words.slice(k + 1).join(' ');
    // "monday to friday", "9 to 5", "june to august", "the 1st to the 15th": ranges that recur, not a start and an end.
    const alone = (side: string) => isClock(side) || weekdayOf(side) !== undefined || monthOf(side) !== undefined;
    if (alone(first) || alone(last) || !happensOnce(first) || !happensOnce(last)) continue;
    try {
      const until = edgeDay(last, 'end', now, zone);
      let start = spanStart(first, now, zone) ?? edgeDay(first, 'start', now, zone);
      // "from sep 1 to dec 15" said in November: a range under way starts this year, however long ago.
      if (until.instant <= start.instant) start = edgeDay(first, 'start', now, zone, YEAR_MS);
      if (until.instant > start.instant) return { start: start.instant, until: until.instant, endAt: k, notes: [...start.notes, ...until.notes] };
    } catch (error) {
      // An end that has passed is said, not left for "did not understand".
      if (error instanceof EndPassed) throw error;
      continue;
    }
  }
  return null;
}

/**
 * "next week", "next month", "next year" as a start, with a time or without ("next week at 9"):
 * from the first day of that span (a week from its Monday), said in a note; where one instant
 * is asked for, "next week" is a week from now.
 */
function spanStart(day: string, now: number, zone: string): { instant: number; notes: string[]; dateOnly: boolean } | null {
  const said = /^(?:the )?next (week|month|year)(?: (?:at|@) (.+))?$/.exec(day);
  if (!said) return null;
  const [, span, clockText] = said;
  let clock = { hour: 0, minute: 0 };
  const notes: string[] = [];
  if (clockText !== undefined) {
    const read = readWholeClock(clockText);
    if (!read) return null;
    const settled = settleClock(read);
    clock = settled.value;
    if (settled.note) notes.push(settled.note);
  }
  const first = firstDayOf('next', span as 'week' | 'month' | 'year', wallTime(zone, now));
  const instant = instantFromLocal(zone, { ...first, ...clock, second: 0 });
  return { instant, notes: [`read 'next ${span}' as from ${dayLabel(first)}`, ...notes], dateOnly: clockText === undefined };
}

/** The first day of this or next week (weeks start on Monday), month or year, from `today`. */
function firstDayOf(which: 'this' | 'next', unit: 'week' | 'month' | 'year', today: WallTime): { year: number; month: number; day: number } {
  const ahead = which === 'next' ? 1 : 0;
  if (unit === 'week') return addDays(today, 7 * ahead - ((today.weekday + 6) % 7));
  if (unit === 'year') return { year: today.year + ahead, month: 1, day: 1 };
  return { year: today.year + Math.floor((today.month - 1 + ahead) / 12), month: ((today.month - 1 + ahead) % 12) + 1, day: 1 };
}

/** This or next week (Monday to Sunday) or month, as a start (none for this one: it has begun) and an end (its last day, whole). */
function calendarSpan(which: 'this' | 'next', unit: 'week' | 'month', now: number, zone: string): { start?: number; until: number; note: string } {
  const first = firstDayOf(which, unit, wallTime(zone, now));
  const last = unit === 'week' ? addDays(first, 6) : { ...first, day: daysInMonth(first.year, first.month) };
  const until = instantFromLocal(zone, { ...addDays(last, 1), hour: 0, minute: 0, second: 0 }) - 1;
  const start = which === 'next' ? instantFromLocal(zone, { ...first, hour: 0, minute: 0, second: 0 }) : undefined;
  return { start, until, note: `read '${which} ${unit}' as ${dayLabel(first)} to ${dayLabel(last)}` };
}

/**
 * Whether a rule says when in the day it runs, as the recurring reader reads it: a time, a
 * window, a minute of the hour, or an interval of minutes or hours. A part of the day alone does
 * not: "every night starting tomorrow at 10" is every night at 10 (22:00); nor does a count in a day
 * ("three times a day starting tomorrow at 8" starts its times at 8). A rule it cannot
 * read alone counts as saying one, so a start's time stays with the start.
 */
function saysTimeOfDay(words: string[]): boolean {
  // The rule before its other start or end ("every weekday starting dec 7" before "until dec 18 at 4pm").
  const cut = words.findIndex((word, k) => k > 0 && (START_WORDS.has(word) || END_WORDS.has(word)) && word !== 'up');
  try {
    return readGroups(tokenize((cut > 0 ? words.slice(0, cut) : words).join(' '))).some(
      (group) => group.times.length > 0 || group.window !== undefined || group.minuteOfHour !== undefined || group.interval?.unit === 'minute' || group.interval?.unit === 'hour',
    );
  } catch {
    return true;
  }
}

/** The note for a time said with an end and read as the rule's: what was chosen, and how to say the other. */
function timeOfEndNote(end: string[], clock: string[]): string {
  const day = end.slice(1, end.length - clock.length).join(' ');
  return `read '${end.join(' ')}' as running ${clock.join(' ')} through ${day}; for an end at that time give the rule its own, such as 'every day at 9am ${end.join(' ')}'`;
}

/** A clause that is only a time of day ("5pm", "9", "noon") is a window's end or start, not a day. */
/** An interval of minutes or hours said before a clock: "every 15 minutes at 9:00", "hourly at 9am". */
const INTERVAL_OF_MINUTES_OR_HOURS = /\b(?:every|each)\s+(?:\d+\s*|other\s+|half\s+|quarter\s+)?(?:minutes?|mins?|hours?|hrs?|m|h)\b|\bhourly\b/i;

/**
 * Words that end with "at <clock>" after an interval of minutes or hours ("every 15 minutes at 9:00"): a clock "until" after
 * them closes a window each day, as after "from" (the reader says so), not the schedule.
 */
function clockAfterInterval(before: readonly string[]): boolean {
  const at = before.findLastIndex((word) => /^(?:at|@)$/i.test(word));
  return at >= 0 && at >= before.length - 3 && isClock(before.slice(at + 1).join(' ')) && INTERVAL_OF_MINUTES_OR_HOURS.test(before.slice(0, at).join(' '));
}

function isClock(text: string): boolean {
  try {
    return parseClock(text) !== null || /^\d{1,2}$/.test(text);
  } catch {
    return true;
  }
}

/**
 * What "for ..." lasts: "4 weeks", "a week", "3 hours", "a year" (12 months), and halves ("half an hour",
 * "an hour and a half", "2 and a half days", "1.5 hours", "half a year"): a half day is 12 hours, a half
 * week 3 days and 12 hours. Spelt out ("for 4 weeks", never "for 4 w"); a span that is not whole minutes
 * or whole months (half a month) is not one.
 */
function spanLasting(span: readonly string[]): { days: number; months: number; ms: number } | undefined {
  let words = [...span];
  let half = 0;
  // "an hour and a half": the half after the unit, said of it.
  if (words.slice(-3).join(' ') === 'and a half' && words.length >= 4) {
    half = 0.5;
    words = words.slice(0, -3);
  }
  const unit = words.length >= 1 && /^[a-z]{3,}$/.test(words.at(-1)!) ? unitOf(words.at(-1)) : undefined;
  const counted = words.slice(0, -1);
  let amount: number | null;
  if (counted.length === 0) amount = 1;
  else if (half === 0 && counted.length === 2 && ((counted[0] === 'half' && (counted[1] === 'a' || counted[1] === 'an')) || (counted[0] === 'a' && counted[1] === 'half'))) amount = 0.5;
  else if (half === 0 && counted.slice(-3).join(' ') === 'and a half' && counted.length >= 4 && counted.length <= 5) {
    const whole = parseNumber(counted.slice(0, -3).join(' '));
    amount = whole !== null && Number.isInteger(whole) ? whole + 0.5 : null;
  } else amount = counted.length <= 2 ? parseNumber(counted.join(' ')) : null;
  if (unit === undefined || unit === 'second' || unit === 'quarter' || amount === null || amount <= 0) return undefined;
  amount += half;
  const byMinutes = (minutes: number) => (Number.isInteger(minutes) ? { days: Math.floor(minutes / 1440), months: 0, ms: (minutes % 1440) * 60_000 } : undefined);
  if (unit === 'minute') return byMinutes(amount);
  if (unit === 'hour') return byMinutes(amount * 60);
  if (unit === 'day' || unit === 'week' || unit === 'fortnight') return byMinutes(amount * { day: 1, week: 7, fortnight: 14 }[unit] * 1440);
  const months = unit === 'month' ? amount : unit === 'year' ? 12 * amount : NaN;
  return Number.isInteger(months) ? { days: 0, months, ms: 0 } : undefined;
}

/** `days` calendar days and `months` months after `from`, on the zone's clock. */
function spanEnd(from: number, zone: string, days: number, months: number): number {
  const wall = wallTime(zone, from);
  const date = addDays({ year: wall.year + Math.floor((wall.month - 1 + months) / 12), month: ((wall.month - 1 + months) % 12) + 1, day: wall.day }, days);
  return instantFromLocal(zone, { ...date, hour: wall.hour, minute: wall.minute, second: wall.second });
}

/** A day the ends name, as the one-time reader reads it (with the recurring grammar, which this reader loads anyway). */
function instantOf(day: string, options: InstantOptions): ReturnType<typeof parseInstant> {
  return parseInstant(day, { ...options, repeats: looksRecurring });
}

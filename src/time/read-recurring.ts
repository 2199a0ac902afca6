/**
 * The recurring grammar: a phrase's tokens read clause by clause into one or
 * more groups ("weekdays at 9am and weekends at 11am" is two). Each clause
 * reader looks at the tokens at one position and either takes some or none,
 * so a phrase is read in one pass, whatever its length.
 */
import { UsageError } from '../errors';
import { secondsTooFine } from './seconds';
import { refuseCountedDays } from './counted-days';
import { trailingTimesWord } from './trailing-times-word';
import { misworded } from './misworded';
import { asTwentyFourHour, clockNote, onTwentyFourHourClock, readClock, settleClock, type ClockRead, type ClockTime } from './clock';
import { AMBIGUOUS_FREQUENCIES, FILLER, HOLIDAYS, holidayNote, monthFirstNote, MONTH_NAMES, WEEKDAY_NAMES, monthOf, partOfDay, unitOf as lexiconUnit, weekdayOf, type PartOfDay } from './lexicon';
import { ordinalDay, readNumber, readOrdinal, tokenize, withoutFiller, workdayWordEnd, type Read } from './words';
import { formatClock } from './zone';

export interface Nth {
  n: number;
  weekday: number | 'day' | 'workday';
}

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** What one group of clauses said. Every field is optional: the builder supplies the spec's defaults. */
export interface Group {
  /** every N units; `other` for "every other". */
  interval?: { n: number; unit: Unit };
  /** Days of the month run to its last ("from the 25th to the last"): day 31 stands for each month's end. */
  throughMonthEnd?: true;
  /** Days of the week and days of the month said together ("every friday the 13th"): only days that are both. */
  bothDays?: true;
  /** "every"/"each"/"daily" and the like were said: the phrase repeats. */
  repeats: boolean;
  weekdays?: number[];
  times: ClockRead[];
  /** "at :30", "at 15 minutes past the hour". */
  minuteOfHour?: number;
  /** Minutes of the day, both ends included. */
  window?: { from: number; to: number };
  months?: number[];
  monthDays?: number[];
  /** nth weekdays of the month (n = -1: the last); weekday 'day' for "the last day", 'workday' for "the last weekday" (Monday to Friday). */
  nth?: Nth[];
  /** Yearly dates: "march 1st", "25 december". */
  dates?: Array<{ month: number; day: number }>;
  part?: PartOfDay;
  /** Times were said as times of day ("at 9am", "9:30"), not as where an interval starts ("starting at 9am", "from 8am"). */
  clockTimes?: boolean;
  /** "twice a day", "three times a day": how many, and the words (the times are chosen when the group is built). */
  timesADay?: { count: number; said: string };
  /** "twice an hour", "four times an hour": the words, for the note that says which minutes were chosen. */
  timesAnHour?: string;
  /** "every other weekday": the interval of days counts Monday to Friday only. */
  workdays?: boolean;
  /** "twice a week", "three times a month": that many days in each, the days named or chosen by the builder (`said` is the phrase's words). */
  timesPer?: { count: number; unit: 'week' | 'month' | 'year'; said: string };
  /** "once a day", "once a week", "once monthly": one run in each (`said` is the phrase's words), so one time and at most one day. */
  once?: { unit: 'day' | 'week' | 'month' | 'year'; said: string };
  /** "every day except sunday". */
  exceptWeekdays?: number[];
  /** "every month except december", "daily except in july and august": months left out every year. */
  exceptMonths?: number[];
  /** "every day except the 1st", "daily but not the 1st and 15th": days of the month left out. */
  exceptMonthDays?: number[];
  /** "every hour except 1pm", "hourly except at noon and midnight": times of day left out of an hourly rule. */
  exceptTimes?: ClockTime[];
  /** Choices the reading made (a window's ends without am/pm), said to the user. */
  notes?: string[];
}

const FREQUENCY_WORDS: Record<string, { n: number; unit: Unit } | 'daily'> = {
  minutely: { n: 1, unit: 'minute' },
  hourly: { n: 1, unit: 'hour' },
  daily: 'daily',
  everyday: 'daily',
  nightly: 'daily',
  weekly: { n: 1, unit: 'week' },
  monthly: { n: 1, unit: 'month' },
  quarterly: { n: 1, unit: 'quarter' },
  yearly: { n: 1, unit: 'year' },
  annually: { n: 1, unit: 'year' },
  annual: { n: 1, unit: 'year' },
  // Calendar halves, as quarterly is calendar quarters.
  semiannually: { n: 2, unit: 'quarter' },
  semiannual: { n: 2, unit: 'quarter' },
  halfyearly: { n: 2, unit: 'quarter' },
  fortnightly: { n: 2, unit: 'week' },
  biweekly: { n: 2, unit: 'week' },
  halfhourly: { n: 30, unit: 'minute' },
  quarterhourly: { n: 15, unit: 'minute' },
  bihourly: { n: 2, unit: 'hour' },
};
/**
 * Words people put before a schedule: "run every 20 minutes", "remind me every tuesday", "please send daily at 8", and
 * calendars' "occurs every weekday", "repeats weekly", "recurring every monday", "repeating every 2 weeks".
 */
const LEADING_FILLER = new Set<string>([...FILLER.polite, ...FILLER.verbs, ...FILLER.objects, 'to', 'and', 'then', ',', 'occurs', 'recurs', 'repeats', 'recurring', 'repeating']);
const RANGE_WORDS = new Set(['-', 'to', 'through', 'thru', 'till', 'til', 'until']);
const LIST_WORDS = new Set([',', 'and', '&']);

/** A unit an interval counts in; "fortnight" is read by its own clause ("every fortnight"). */
function unitOf(token: string | undefined): Unit | 'second' | undefined {
  const unit = lexiconUnit(token);
  return unit === 'fortnight' ? undefined : unit;
}

export class GrammarError extends Error {
  constructor(
    message: string,
    readonly token?: string,
  ) {
    super(message);
  }
}

const newGroup = (): Group => ({ repeats: false, times: [] });

/** What the clauses before this one said, for rules whose reading depends on it ("hourly at 15", "the 1st and last"). */
export interface Seen {
  group: Readonly<Group>;
  /** The clause follows "and" or a comma: a second kind of day is then a union, never a clash. */
  joined: boolean;
}

/** A clause reader: reads at `i` into `part` and returns the index after what it used, or null when the clause is not its. */
type ClauseReader = (tokens: readonly string[], i: number, part: Group, seen: Seen) => number | null;

export interface ClauseRule {
  name: string;
  /** Whole phrases this rule takes part in reading (tested: each is read, and by this rule). */
  examples: readonly string[];
  read: ClauseReader;
}

/**
 * The recurring grammar's clauses, in the order they are tried at each word:
 * the first rule that reads the word reads the clause, and its part is
 * united with the clauses before it (`unite`). A new phrase family is a new
 * rule here, its words in the lexicon and its tests.
 */
export const CLAUSE_RULES: readonly ClauseRule[] = [
  { name: 'top of the hour', examples: ['every hour at the top of the hour', 'at the top of every hour'], read: readTopOfHour },
  { name: 'start or end of the month', examples: ['at the end of every month', 'beginning of every month', 'end of the month at 5pm'], read: readMonthEdge },
  { name: 'minute past every hour', examples: ['quarter past every hour', '10 minutes past each hour on weekdays'], read: readMinutePastEveryHour },
  { name: 'at', examples: ['every day at 9am', 'every hour at :30', 'every day at noon and 5pm', 'every weekday at night'], read: readAt },
  { name: 'on the hour', examples: ['every hour on the hour', 'every hour on the half hour'], read: readOnTheHour },
  { name: 'interval start', examples: ['every 4 hours starting at 8am', 'every 15 minutes starting at minute 1', 'every 20 minutes starting at 10 past'], read: readIntervalStart },
  { name: 'of the week', examples: ['every day of the week at 9am', 'every minute of every day'], read: readOfTheWeek },
  { name: 'of the month, in months', examples: ['the 15th of every month', 'every day in june', 'every monday during december', 'every day in the evening'], read: readOfIn },
  { name: 'link word', examples: ['every monday and the 15th', 'on the 1st of every month'], read: readLink },
  { name: 'from a weekday or month', examples: ['every hour from monday to friday', 'every minute from january to march'], read: readFromDays },
  { name: 'from a day of the month', examples: ['every day from the 25th to the last'], read: readFromDayOfMonth },
  { name: 'except', examples: ['every day except sunday', 'every day but not saturday at 9am', 'daily excluding weekends'], read: readExcept },
  { name: 'every', examples: ['every 20 minutes', 'every other tuesday', 'every other weekday', 'every half hour', 'every 3rd day', 'every fortnight', 'every day'], read: readEvery },
  { name: 'frequency word', examples: ['daily', 'hourly', 'bi-weekly', 'nightly at 11pm', 'quarterly'], read: readFrequency },
  { name: 'times per unit', examples: ['twice a day', 'once a week on sunday', '4 times an hour', 'twice daily', 'three times a week', 'twice a month'], read: readTimesPer },
  { name: 'weeks of the month', examples: ['the first and third weeks of the month', 'every day in the second week of each month'], read: readWeeksOfMonth },
  {
    name: 'nth weekday',
    examples: [
      'first monday of the month',
      'last friday of every month',
      '2nd last friday',
      'the last day of the month',
      'on the 1st and last',
      'every 2nd and 4th tuesday',
      'last weekday of the month',
      'first business day of every month',
    ],
    read: readNth,
  },
  { name: 'day of the month', examples: ['every month on the 15th', 'on days 1, 15', 'every 27', 'the 5th and 20th of the month'], read: readDayOfMonth },
  { name: 'date', examples: ['every march 1st at 8am', 'every 25 december', 'every year on december 21st and 31st', 'every aug 20 and 30'], read: (tokens, i, part) => readDate(tokens, i, part) },
  {
    name: 'weekdays',
    examples: ['every monday', 'weekdays at 9am', 'mon, wed and fri at 7am', 'tue-thu at 3pm', 'monday evenings', 'every work day'],
    read: (tokens, i, part, seen) => readDays(tokens, i, part, seen),
  },
  { name: 'months', examples: ['every day june through august', 'monthly june and december'], read: (tokens, i, part, seen) => readMonths(tokens, i, part, seen) },
  {
    name: 'window',
    examples: [
      'every 30 minutes between 9am and 5pm',
      'every hour from 9 to 5',
      'every hour 9-17',
      'every 2 hours from 8am',
      'every hour after 5pm',
      'every hour before noon',
      'every hour starting at 9am until 5pm',
    ],
    read: readWindow,
  },
  { name: 'part of the day', examples: ['every day morning', 'daily evening'], read: (tokens, i, part) => readPart(tokens, i, part) },
  { name: 'clock time', examples: ['every day 9am', 'daily 14:30 and 18:00'], read: (tokens, i, part, seen) => readTimeAlone(tokens, i, part, seen) },
];

/** The phrase `readText` read last, and its groups. */
let lastRead: { text: string; groups: readonly Group[] } | undefined;

/**
 * A phrase (normalized) read into groups, as readGroups reads its tokens. One `parse` asks this of
 * the same phrase to tell whether it repeats, which zone it follows and what it means: the phrase
 * read last is not read again (each read took about half a millisecond). The groups are shared, so
 * no caller may change them; a phrase refused is read again each time, so each caller gets an
 * error of its own.
 */
export function readText(text: string): readonly Group[] {
  refuseRepeatFromCompletion(text);
  if (lastRead?.text !== text) lastRead = { text, groups: readGroups(tokenize(text)) };
  return lastRead.groups;
}

/**
 * Todoist's "every! 3 days" counts each repeat from when the last was done; a schedule has nothing done to count from, and
 * the tokenizer drops the '!', so it is refused here, by name, rather than read as "every 3 days".
 */
function refuseRepeatFromCompletion(text: string): void {
  const bang = /\b(every|each)\s*!/i.exec(text);
  if (!bang) return;
  const plain = text.replace(/\b(every|each)\s*!\s*/i, '$1 ').trim();
  throw new UsageError(`'${text}' uses '${bang[1]!.toLowerCase()}!', which repeats from when the last one was done; a schedule has no such moment`, `Write '${plain}' to repeat on the calendar.`);
}

/**
 * Read a whole token list into groups, or throw a GrammarError naming the
 * first word no clause can read. `trace`, when given, collects the name of
 * every rule used.
 */
/** A weekday, "weekday(s)" or "weekend(s)". */
const isDaysWord = (token: string | undefined) => weekdayOf(token) !== undefined || /^week(?:day|end)s?$/.test(token ?? '');

/**
 * "weekdays at 9am and at 11am on weekends": the second time's days said after it, as "and weekends at 11am" says
 * them; read so, the times go with their own days rather than both with all of them.
 */
function withDaysBeforeTime(tokens: string[]): string[] {
  // Only where the first days come before their time ("at 10am on mondays and at 2pm on fridays" reads as it is).
  const firstDays = tokens.findIndex(isDaysWord);
  const firstAt = tokens.indexOf('at');
  if (firstDays < 0 || firstAt < firstDays) return tokens;
  const and = tokens.findIndex((token, k) => token === 'and' && tokens[k + 1] === 'at' && k > firstDays);
  if (and < 0) return tokens;
  const clock = readClock(tokens, and + 2);
  if (!clock || tokens[clock.end] !== 'on') return tokens;
  const days = tokens.slice(clock.end + 1);
  if (days.length === 0 || !days.every((token) => isDaysWord(token) || token === ',' || token === 'and' || token === '-')) return tokens;
  return [...tokens.slice(0, and + 1), ...days, ...tokens.slice(and + 1, clock.end)];
}

/**
 * "every weekend, saturday only": "only" after days that follow a comma moved before them, so they are read as limiting the
 * rule (limitsDays), not as more days of a list ("weekend, saturday").
 */
function withOnlyFirst(tokens: string[]): string[] {
  if (!tokens.includes('only')) return tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k] !== ',') continue;
    const days = readDaySet(tokens, k + 1);
    if (days && tokens[days.end] === 'only') return [...tokens.slice(0, k + 1), 'only', ...tokens.slice(k + 1, days.end), ...tokens.slice(days.end + 1)];
  }
  return tokens;
}

/** Whether the words read as a repeating rule; words that do not read at all do not. */
function repeats(words: readonly string[]): boolean {
  try {
    return readGroups(words).some((group) => group.repeats);
  } catch {
    return false;
  }
}

export function readGroups(written: readonly string[], trace?: string[]): Group[] {
  if (written.includes('(')) return readGroups(withoutRestatement(written), trace);
  refuseCountedDays(written);
  const unsaid = misworded(written);
  if (unsaid) throw new ClauseConflict(unsaid.problem, unsaid.hint, true);
  const trailing = trailingTimesWord(written);
  if (trailing && repeats(trailing.rule)) throw new ClauseConflict(trailing.problem, trailing.hint, true);
  const opened: string[] = [];
  const phrase = withOnlyFirst(withDaysBeforeTime(withCompoundsOpened(written, opened)));
  const span = withoutFiller(phrase);
  const tokens = phrase.slice(0, span.end);
  let i = span.start;
  while (i < tokens.length - 1 && LEADING_FILLER.has(tokens[i]!) && !isOneWeekend(tokens, i) && !startsOneTime(tokens, i)) i++;
  const groups: Group[] = [newGroup()];
  let group = groups[0]!;
  /** Each group of a second window, with the group of the window before it. */
  const windowAfter = new Map<Group, Group>();
  /** Where each group of a window after another starts in the phrase. */
  const windowStarts = new Map<Group, number>();
  let joined = false;
  // Joined by "and" itself, not by a comma ("every 5 minutes, only on friday" narrows the interval to Fridays).
  let andJoined = false;
  let everyJoined = false;
  let timedBeforeExcept = false;
  let narrowing = false;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // "weekdays at 9am and weekends at 11am": a second day set after a complete group starts a new one.
    // "every 5 minutes and every monday at 9am": a second rule is a group of its own, never folded into the first.
    // cronstrue's "At 5 minutes past the hour, every 2 hours": after a minute past the hour alone, a comma goes on with the same rule.
    const minuteAlone = group.minuteOfHour !== undefined && group.interval === undefined && group.times.length === 0 && !DAY_KINDS.some((kind) => group[kind] !== undefined);
    // "every hour, every day", cronstrue's "Every minute between 11:00 AM and 11:10 AM, every day": days alone after a comma
    // narrow a rule that names none (read as a rule of their own, they fired daily at 09:00 beside it).
    const withinDay = group.interval === undefined || group.interval.unit === 'minute' || group.interval.unit === 'hour';
    const daysNarrow = token === ',' && withinDay && !DAY_KINDS.some((kind) => group[kind] !== undefined) && onlyDaysFollow(tokens, i + 1);
    // "every day at 9am, monday through friday", "daily, weekdays only", "the 1st, but only on weekdays": days after a comma
    // that limit the rule before it, never days added to it.
    if (token === ',' && !daysNarrow && limitsDays(tokens, i + 1, group)) {
      narrowing = true;
      i++;
      continue;
    }
    // cronstrue's "Every minute, every hour, every day": a plain coarser "every <unit>" after a comma says the rule goes on in every one.
    const broaderEvery = token === ',' && group.interval !== undefined && plainEveryFollows(tokens, i + 1, group.interval);
    const secondRule =
      LIST_WORDS.has(token) &&
      group.repeats &&
      !(token === ',' && minuteAlone) &&
      !daysNarrow &&
      !broaderEvery &&
      (tokens[i + 1] === 'every' || tokens[i + 1] === 'each' || FREQUENCY_WORDS[tokens[i + 1] ?? ''] !== undefined);
    // "every monday in june and the 1st of every month": the month bounds the days said with it, not those after the "and".
    if ((token === 'and' || token === '&') && group.months && DAY_KINDS.some((kind) => group[kind] !== undefined) && startsDays(tokens, i + 1)) {
      addNote(group, `read ${monthsText(group.months)} as bounding only the days said before 'and'; to bound the others too, say it after them as well`);
      group = newGroup();
      groups.push(group);
      joined = andJoined = false;
      i++;
      continue;
    }
    // "every friday the 13th and the 1st": a weekday and its day of the month are one date; days after "and the" are days of
    // their own, not more days that Friday must fall on.
    // "the 1st and every friday the 13th": the same, said the other way round.
    const weekdayDate = DAY_KINDS.some((kind) => group[kind] !== undefined) && weekdayDateAt(tokens, i + 1);
    if (LIST_WORDS.has(token) && ((group.bothDays && tokens[i + 1] === 'the' && startsDays(tokens, i + 1)) || weekdayDate)) {
      group = newGroup();
      groups.push(group);
      joined = andJoined = false;
      i++;
      continue;
    }
    // "every hour between 9 and 5 on weekdays and between 10 and 2 on saturdays": a second window is a rule of its own at
    // the same interval (one rule has one window), on the days said with it, else on the first one's.
    // "every hour on mondays from 9am to 11am and on fridays from 2pm to 4pm": the days said before the second window.
    const afterLink = tokens[i + 1] === 'and' ? i + 2 : i + 1;
    // "every hour at :15 and :45", "hourly at 15, 30 and 45": more minutes past the hour ending the phrase are rules of their
    // own at the same interval and on the same days (they unite into one cron).
    if (LIST_WORDS.has(token) && group.minuteOfHour !== undefined && group.interval?.unit === 'hour' && !group.window) {
      const more: Group[] = [];
      let k = i;
      while (LIST_WORDS.has(tokens[k] ?? '')) {
        let at = tokens[k + 1] === 'and' ? k + 2 : k + 1;
        if (tokens[at] === 'at') at++;
        const next = sameDays(group);
        const end = readMinuteOfHour(tokens, at, next, { group, joined: true });
        if (end === null) break;
        more.push(next);
        k = end;
      }
      // "every 2 hours at :05 and :35 on weekdays": days ending the phrase are those of every minute's rule.
      const daysAfter = more.length > 0 && k < tokens.length && !DAY_KINDS.some((kind) => group[kind] !== undefined) ? readDaySet(tokens, k) : null;
      if (daysAfter?.end === tokens.length) for (const g of [group, ...more]) g.weekdays = [...daysAfter.value];
      if (more.length > 0 && (k === tokens.length || daysAfter?.end === tokens.length)) {
        groups.push(...more);
        group = more.at(-1)!;
        break;
      }
    }
    // "every 90 minutes at :05 and :35": minutes of each hour beside an interval of minutes, which runs at minutes of its own.
    if (LIST_WORDS.has(token) && group.minuteOfHour !== undefined && group.interval?.unit === 'minute') {
      const at = tokens[afterLink] === 'at' ? afterLink + 1 : afterLink;
      if (readMinuteOfHour(tokens, at, sameDays(group), { group, joined: true }) !== null) {
        const every = intervalText(group.interval);
        const minutes = tokens
          .slice(tokens.lastIndexOf('at', i) + 1)
          .join(' ')
          .replace(/ ,/g, ',');
        throw new ClauseConflict(
          `gives minutes past the hour (${minutes}) beside ${every}, which runs at minutes of its own`,
          `For those minutes of every hour, say 'every hour at ${minutes}'; for every other hour, 'every 2 hours at ${minutes}'.`,
          true,
        );
      }
    }
    const daysFirst = readDaySet(tokens, tokens[afterLink] === 'on' ? afterLink + 1 : afterLink);
    if (LIST_WORDS.has(token) && group.window && group.interval && (startsWindow(tokens, afterLink) || (daysFirst && startsWindow(tokens, daysFirst.end)))) {
      const next = Object.assign(newGroup(), { interval: group.interval, repeats: true }, group.minuteOfHour === undefined ? {} : { minuteOfHour: group.minuteOfHour });
      windowAfter.set(next, group);
      windowStarts.set(next, i);
      group = next;
      groups.push(group);
      joined = andJoined = false;
      i = afterLink;
      continue;
    }
    // "at noon, every 3 weeks, wednesday through friday": days after a comma are the days of a weekly interval that names none.
    // Days with a time of their own ("weekly at 9am, weekends at 11am") are a rule of their own, as after any rule.
    const daySet = token === ',' ? readDaySet(tokens, i + 1) : null;
    const weeksDays = daySet !== null && group.interval?.unit === 'week' && !DAY_KINDS.some((kind) => group[kind] !== undefined) && (daySet.end === tokens.length || tokens[daySet.end] === ',');
    if (secondRule || (!weeksDays && LIST_WORDS.has(token) && group.times.length > 0 && (DAY_KINDS.some((kind) => group[kind] !== undefined) || group.interval || group.repeats || group.part))) {
      const otherPart = !secondRule && startsOtherPart(tokens, i + 1, group);
      if (secondRule || startsDays(tokens, i + 1) || startsTimedDays(tokens, i + 1, group) || otherPart) {
        // "daily at 9am and at 3pm in december": every day's, bounded to its months.
        const months = !otherPart && !secondRule && restatesMonths(tokens, i + 1, group);
        group = otherPart ? sameDays(group) : months ? Object.assign(newGroup(), { interval: { n: 1, unit: 'day' as const }, repeats: true }) : newGroup();
        groups.push(group);
        joined = andJoined = false;
        i++;
        continue;
      }
    }
    // The weekend after a rule that repeats: one that names days already takes it only as a list ("every monday and the
    // weekend"); "every monday on the weekend" says two sets of days.
    const listed = ['and', '&', ','].includes(tokens[i - 1] ?? '');
    const weekendMayFollow = group.repeats && (listed || !DAY_KINDS.some((kind) => group[kind] !== undefined));
    // "every hour during the weekend", "over the weekend", "at weekends": as "on" before them.
    const weekendAfter = tokens[i + 1] === 'the' ? tokens[i + 2] : tokens[i + 1];
    if (['during', 'over', 'at'].includes(token) && (weekendAfter === 'weekend' || weekendAfter === 'weekends') && weekendMayFollow) {
      i++;
      continue;
    }
    const part = newGroup();
    // "every 15 minutes on the weekend", "every day at 10am on the weekend": after a rule that repeats, every weekend.
    const everyWeekend = tokens[i] === 'the' && tokens[i + 1] === 'weekend' && weekendMayFollow;
    if (everyWeekend) addNote(group, "read 'the weekend' as every weekend, Saturday and Sunday; for this weekend alone, add an end, such as 'until sunday'");
    const read = isOneWeekend(tokens, i) && !everyWeekend ? null : readClause(tokens, i, part, { group, joined });
    if (read === null) throw new GrammarError(`Could not understand '${token}' in the schedule`, token);
    trace?.push(read.rule);
    if (read.rule === 'link word') {
      joined ||= LIST_WORDS.has(token);
      andJoined ||= token === 'and' || token === '&';
    } else {
      // "the 15th and every june": a month joined to days as one more of them names no day of its own (read as the 15th of June, a part would be dropped).
      if (everyJoined && part.months && !DAY_KINDS.some((kind) => part[kind] !== undefined) && DAY_KINDS.some((kind) => group[kind] !== undefined)) {
        throw new ClauseConflict(
          "joins a month to days with 'and every', and names no days in it: every day of it, or only those days?",
          "Say which, such as 'every june 15th' or 'every 15th and every day in june'.",
          true,
        );
      }
      // "every weekday at 9 except mondays at 10": a time after the days left out is theirs, which one rule cannot say (it would fire at both).
      const said = (time: ClockRead) => group.times.some((other) => other.value.hour === time.value.hour && other.value.minute === time.value.minute);
      if (timedBeforeExcept && !part.times.every(said)) {
        throw new ClauseConflict(
          "gives a time before 'except' and another after it; as one rule both would fire on every day left in",
          "Give each set of days its own time, such as 'tuesday to friday at 9am and mondays at 10am'.",
          true,
        );
      }
      if (read.rule === 'except') timedBeforeExcept = group.times.length > 0;
      // "every weekday on saturday": days said again after "on" contradict the first ones (a list of days is not said so).
      const onDays = (tokens[i] === 'on' || tokens[i - 1] === 'on') && !joined && !narrowing && group.times.length === 0;
      if (onDays && part.weekdays && group.weekdays && part.weekdays.join() !== group.weekdays.join()) {
        throw new ClauseConflict(
          `names ${listText(group.weekdays.map((day) => WEEKDAY_NAMES[day]!))} and then, after 'on', ${listText(part.weekdays.map((day) => WEEKDAY_NAMES[day]!))}: which days?`,
          "Name the days once, such as 'every weekday' or 'every saturday'; for both, join them with 'and'.",
          group.repeats || part.repeats,
        );
      }
      // "friday the 13th": a weekday and the day of the month right after it are one day that is both.
      const at = tokens[i] === 'the' ? i : i - 1;
      // "every weekday from the 6th to the 10th of may", "every friday between the 1st and the 7th": the weekdays within the span.
      const withinSpan = !joined && /^(?:from|between)$/.test(tokens[i] ?? '') && group.weekdays !== undefined && (part.monthDays?.length ?? 0) > 1;
      const sameDay = (!joined && tokens[at] === 'the' && weekdayOf(tokens[at - 1]) !== undefined && part.monthDays !== undefined) || withinSpan;
      if (narrowing && DAY_KINDS.some((kind) => part[kind] !== undefined)) {
        narrowing = false;
        // The days take the place of "every day"; weekdays of weekdays are those in both ("every weekend, saturday only").
        if (group.interval && isDaily(group.interval)) delete group.interval;
        if (group.weekdays && part.weekdays) {
          const both = group.weekdays.filter((day) => part.weekdays!.includes(day));
          if (both.length === 0) throw new ClauseConflict('limits its days to others, leaving none', 'Name the days once.', true);
          group.weekdays = undefined;
          part.weekdays = both;
        }
      }
      if (!joined) everyDayBesideOneWeekday(group, part, tokens);
      unite(group, part, joined, andJoined, sameDay);
      // "the 1st and every friday": a bare "every" leaves the days it comes before joined, as "the 1st and fridays" is.
      everyJoined = joined && read.rule === 'every' && Object.keys(part).every((key) => key === 'repeats' || key === 'times');
      if (!everyJoined) joined = andJoined = false;
    }
    i = read.end;
  }
  windowDays(groups, windowAfter, (g) => {
    // "every day" or "daily" said with a window: its days, said (the rule keeps no trace of them beside a finer interval).
    const start = windowStarts.get(g) ?? 0;
    const after = [...windowStarts.values()].filter((at) => at > start);
    const words = tokens.slice(start, after.length > 0 ? Math.min(...after) : tokens.length);
    return words.some((word, k) => word === 'daily' || word === 'everyday' || (EACH.has(word) && words[k + 1] === 'day'));
  });
  // "every 1st and every 15th at 6pm": a time said once, after the last part, is the time of each part before it that
  // gives none (they fired at 09:00).
  const last = groups[groups.length - 1]!;
  if (groups.length > 1 && last.times.length > 0) {
    for (const g of groups.slice(0, -1)) if (g.times.length === 0 && !givesItsOwnTimes(g)) g.times = [...last.times];
  }
  if (groups.length > 1) groups.forEach(refuseBareCoarseRule);
  for (const { times, repeats, timesADay } of groups) {
    const twice = timesADay
      ? undefined
      : times.find((time, k) => time.ambiguous && times.some((other, m) => m !== k && other.value.hour === time.value.hour && other.value.minute === time.value.minute));
    // "at 8 and 8", "at 8am and 8": a clock without am or pm read as another said beside it would drop a part (the
    // other was likely the evening's).
    const beside = twice && times.find((other) => other !== twice && !other.ambiguous && other.value.hour === twice.value.hour && other.value.minute === twice.value.minute);
    if (twice) {
      throw new ClauseConflict(
        beside ? `gives '${twice.text}' without am or pm beside '${beside.text}', which it would only repeat` : `gives '${twice.text}' twice without am or pm`,
        `Write am or pm on each, such as '${twice.written}am and ${twice.written}pm'.`,
        repeats,
      );
    }
  }
  // "on the 1st and every monday in june": a month said last bounds every kind of day joined before it.
  for (const g of groups) {
    // Days that are both ("every monday the 18th to the 24th of may", "every weekday from may 6 to 10") are one kind of day
    // unless 'and' joins more.
    const oneKind = g.bothDays && !tokens.some((token) => token === 'and' || token === '&');
    if (g.months && !oneKind && DAY_KINDS.filter((kind) => g[kind] !== undefined).length > 1) {
      addNote(
        g,
        `read ${monthsText(g.months)} as bounding every part joined by 'and'; for a part in every month, give it a rule of its own, such as 'every monday in june and the 1st of every month'`,
      );
    }
  }
  // "every day at 9am, weekends at 10am": days with their own time after every day's are more times on them, not in place of
  // every day's (some mean that): said.
  const daily = groups.find((g) => g.times.length > 0 && !DAY_KINDS.some((kind) => g[kind] !== undefined) && !g.months && (!g.interval || isDaily(g.interval)));
  for (const g of groups) {
    if (!daily || g === daily || groups.indexOf(g) < groups.indexOf(daily) || g.times.length === 0 || !DAY_KINDS.some((kind) => g[kind] !== undefined)) continue;
    const at = (list: ClockRead[]) => list.map((time) => formatClock(time.value.hour, time.value.minute)).join(' and ');
    // Weekdays by name; a day of the month or a date ("on the 1st", "on the first monday") as the days said with it.
    const named = g.weekdays && !g.nth && !g.monthDays && !g.dates;
    const days = named ? listText([...g.weekdays!].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((day) => WEEKDAY_NAMES[day]!)) : 'the days said with it';
    addNote(g, `read ${at(g.times)} on ${days} as more beside every day's ${at(daily.times)}; for ${at(g.times)} alone on them, name the days of each, such as 'weekdays at 9am and weekends at 10am'`);
  }
  // "weekdays at 8am and weekends at 10am in december": a month said with the last rule alone bounds it alone.
  const final = groups.at(-1)!;
  // "every morning and every evening on weekdays": days said last are the last rule's alone, as a month is; an earlier rule
  // that names no days ("every day" does) runs every day, said.
  const lastDays = tokens.at(-1) === 'only' ? tokens.length - 1 : tokens.length;
  let daysFrom = lastDays;
  while (daysFrom > 0 && (isDaysWord(tokens[daysFrom - 1]) || LIST_WORDS.has(tokens[daysFrom - 1]!) || RANGE_WORDS.has(tokens[daysFrom - 1]!))) daysFrom--;
  if (tokens[daysFrom - 1] === 'on' || tokens[daysFrom - 1] === 'from') daysFrom--;
  const everyDay = groups.slice(0, -1).filter((g) => !DAY_KINDS.some((kind) => g[kind] !== undefined) && !g.exceptWeekdays && !g.interval && !g.months);
  if (daysFrom < lastDays && isDaysWord(tokens[lastDays - 1]) && final.weekdays && final.weekdays.length < 7 && everyDay.length > 0) {
    addNote(
      final,
      `read '${tokens.slice(daysFrom).join(' ').replace(/ ,/g, ',')}' as the days of the last rule alone, said with it; the rules before it run every day: to give them those days too, say them with each`,
    );
  }
  if (groups.length > 1 && final.months && groups.some((g) => !g.months)) {
    addNote(final, `read ${monthsText(final.months)} as bounding only the last rule, said with it; to bound every rule, say it with each`);
  }
  if (opened.length > 0) groups[0]!.notes = [...opened, ...(groups[0]!.notes ?? [])];
  return groups;
}

/**
 * "every tuesday, every other month": a rule beside another that names no day or time of its own and
 * counts weeks, months or years says which weeks or months the other runs in, not days of its own.
 * As a union it would fire on a day nobody named (the 1st of every other month), so it is refused.
 */
function refuseBareCoarseRule(group: Group): void {
  const { interval } = group;
  if (!interval || interval.unit === 'minute' || interval.unit === 'hour' || interval.unit === 'day') return;
  if (DAY_KINDS.some((kind) => group[kind] !== undefined) || group.times.length > 0 || group.part || group.timesPer || group.timesADay || group.months || group.exceptWeekdays || group.exceptMonths)
    return;
  const said = interval.n === 2 ? `every other ${interval.unit}` : intervalText(interval);
  throw new ClauseConflict(
    `joins '${said}' to another rule, and it names no day of its own: it says which ${interval.unit}s that rule runs in, which one schedule cannot say`,
    interval.unit === 'week' ? "For every other week on a day say 'every 2 weeks on tuesday'." : "Name the months, such as 'every tuesday in january, march and may'.",
    true,
  );
}

/**
 * "at 0 and 30 minutes past the hour", "at 5, 25 and 45 minutes past the hour": minutes an even step apart that go
 * round the whole hour, as "every 30 minutes at 0 minutes past the hour" (one interval keeps them); other lists are
 * not read (null).
 */
function evenMinutesPastTheHour(tokens: readonly string[], k: number, notes: string[]): { words: string[]; end: number } | null {
  // crontab.guru writes the minutes first: "at minute 0 and 30 past every hour from 9 through 17".
  const guru = tokens[k + 1] === 'minute' || tokens[k + 1] === 'minutes';
  if (tokens[k] !== 'at' || !/^\d{1,2}$/.test(tokens[k + (guru ? 2 : 1)] ?? '')) return null;
  const minutes: number[] = [];
  let j = k + (guru ? 2 : 1);
  while (/^\d{1,2}$/.test(tokens[j] ?? '')) {
    minutes.push(Number(tokens[j]));
    j++;
    while (tokens[j] === ',' || tokens[j] === 'and') j++;
  }
  const step = 60 / minutes.length;
  const even = minutes.length >= 2 && Number.isInteger(step) && minutes[0]! < step && minutes.every((minute, n) => minute === minutes[0]! + n * step);
  if (!even) return null;
  // As crontab.guru writes a step from :00, "every 30th minute past every hour ...", which it reads on.
  if (guru) {
    const stepped = ['every', `${step}th`, 'minute'];
    const read = tokens[j] === 'past' && minutes[0] === 0 ? crontabGuruHours([...stepped, ...tokens.slice(j)], 0, notes) : null;
    return read ? { words: read.words, end: j + read.end - stepped.length } : null;
  }
  if (!(tokens[j] === 'minutes' && tokens[j + 1] === 'past' && tokens[j + 2] === 'the' && tokens[j + 3] === 'hour')) return null;
  return { words: ['every', String(step), 'minutes', 'at', String(minutes[0]), 'minutes', 'past', 'the', 'hour'], end: j + 4 };
}

/**
 * "every 15 minutes at 9:00 until 10:00", "hourly at 9am till 5pm on weekdays": after an interval of minutes or hours, a
 * clock and then "until" a clock with no day is a window each day, as "from 9:00 until 10:00" (said, since "until" alone
 * can end the schedule: "until friday 10:00" still does).
 */
function clockUntilClockAfterInterval(tokens: readonly string[], k: number, out: readonly string[], notes: string[]): { words: string[]; end: number } | null {
  // After "starting" or "from" the window is open already ("every 15 minutes starting at 9am until noon").
  if ((tokens[k] !== 'at' && tokens[k] !== '@') || ['starting', 'beginning', 'from'].includes(tokens[k - 1] ?? '')) return null;
  const start = readClock(tokens, k + 1);
  if (!start || !['until', 'till', 'til'].includes(tokens[start.end] ?? '')) return null;
  const end = readClock(tokens, start.end + 1);
  if (!end) return null;
  const after = tokens[end.end];
  const dated = weekdayOf(after) !== undefined || monthOf(after) !== undefined || /^(?:today|tonight|tomorrow|next|this)$/.test(after ?? '');
  const counted = (word: string | undefined) => EACH.has(word ?? '') || /^(?:\d.*|other|half|quarter)$/.test(word ?? '');
  const interval = out.some((word, n) => word === 'hourly' || word === 'minutely' || (counted(out[n - 1]) && (unitOf(word) === 'minute' || unitOf(word) === 'hour')));
  if (dated || !interval) return null;
  const said = shownTime(tokens.slice(k, end.end).join(' '));
  notes.push(`read '${said}' as a window each day; to end the schedule instead, give a day, such as 'until friday ${shownTime(tokens.slice(start.end + 1, end.end).join(' '))}'`);
  return { words: ['from', ...tokens.slice(k + 1, end.end)], end: end.end };
}

/**
 * later.js's "between the 5th and 10th hour" (of the day): hours counted on the 24-hour clock, as cron's `5-10` names them,
 * so the window runs to the last fire inside the last hour (said).
 */
function betweenOrdinalHours(tokens: readonly string[], k: number, notes: string[]): { words: string[]; end: number } | null {
  if (tokens[k] !== 'between' || tokens[k + 1] !== 'the') return null;
  const first = readOrdinal(tokens, k + 2);
  if (!first || tokens[first.end] !== 'and') return null;
  const second = readOrdinal(tokens, tokens[first.end + 1] === 'the' ? first.end + 2 : first.end + 1);
  if (!second || !/^hours?$/.test(tokens[second.end] ?? '')) return null;
  const end = tokens[second.end + 1] === 'of' && tokens[second.end + 2] === 'the' && tokens[second.end + 3] === 'day' ? second.end + 4 : second.end + 1;
  const [from, to] = [first.value, second.value];
  if (![from, to].every((hour) => Number.isInteger(hour) && hour >= 0 && hour <= 23) || to < from) return null;
  const hour = (value: number) => String(value).padStart(2, '0');
  notes.push(`read '${tokens.slice(k, end).join(' ')}' as hours ${hour(from)} to ${hour(to)} on the 24-hour clock, to the end of the ${hour(to)}:00 hour`);
  const clock = (value: number, minute: string) => [`${value % 12 || 12}:${minute}`, value < 12 ? 'am' : 'pm'];
  return { words: ['between', ...clock(from, '00'), 'and', ...clock(to, '59')], end };
}

/** "every 2 hours", "each 3 hours" just said, after nothing but filler: minutes of the hour after it are those of each hour it runs. */
const afterHoursStep = (out: readonly string[]) => out.at(-1) === 'hours' && EACH.has(out.at(-3) ?? '') && onlyFiller(out.slice(0, -3));

/**
 * "at 5, 10 and 15 minutes past the hour", "at 2 and 26 through 28 minutes past the hour", "minutes 0 through 20 past the
 * hour": minutes of the hour in a list or a range (at least two), as "every hour at :05, :10 and :15"; what bounds them after
 * it (days, a window) is read as for that list. Null for anything else, and after an interval other than every hour.
 */
function minutesListPastTheHour(tokens: readonly string[], k: number, out: readonly string[]): { words: string[]; end: number } | null {
  const led = tokens[k] === 'minutes' || tokens[k] === 'mins';
  if (tokens[k] !== 'at' && !led) return null;
  const minuteAt = (n: number) => (/^\d{1,2}$/.test(tokens[n] ?? '') ? Number(tokens[n]) : undefined);
  const minutes = new Set<number>();
  let j = k + 1;
  let ranged = false;
  for (;;) {
    const from = minuteAt(j);
    if (from === undefined) return null;
    j++;
    let to = from;
    if (RANGE_WORDS.has(tokens[j] ?? '') && minuteAt(j + 1) !== undefined) {
      to = minuteAt(j + 1)!;
      ranged = true;
      j += 2;
    }
    if (from > 59 || to > 59 || to < from) return null;
    for (let minute = from; minute <= to; minute++) minutes.add(minute);
    const next = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    if (!LIST_WORDS.has(tokens[j] ?? '') || minuteAt(next) === undefined) break;
    j = next;
  }
  if (!led && (tokens[j] === 'minutes' || tokens[j] === 'mins')) j++;
  if (tokens[j] !== 'past' || !(tokens[j + 1] === 'the' || EACH.has(tokens[j + 1] ?? '')) || tokens[j + 2] !== 'hour') return null;
  if (minutes.size < 2 && !ranged) return null;
  const end = j + 3;
  const hourly = out.at(-1) === 'hourly' || (out.at(-1) === 'hour' && EACH.has(out.at(-2) ?? ''));
  const before = hourly ? out.slice(0, out.at(-1) === 'hourly' ? -1 : -2) : out;
  const sorted = [...minutes].sort((a, b) => a - b);
  const listed = (items: string[]) => items.flatMap((item, n) => (n === 0 ? [item] : n === items.length - 1 ? ['and', item] : [',', item]));
  // "every 2 hours at 5 and 35 minutes past the hour": those minutes of each hour the interval runs, as "every 2 hours at :05 and :35".
  if (afterHoursStep(out)) return { words: ['at', ...listed(sorted.map((minute) => `:${String(minute).padStart(2, '0')}`))], end };
  if (!onlyFiller(before)) return null;
  // cronstrue's "At 2 and 26 through 28 minutes past the hour, at 06:00 PM" (`2,26-28 18`): those minutes of that hour.
  const hourAt = tokens[end] === ',' && tokens[end + 1] === 'at' ? end + 2 : tokens[end] === 'at' ? end + 1 : -1;
  const hour = hourAt > 0 ? readClock(tokens, hourAt) : null;
  if (hour && hour.value.minute === 0 && !hour.ambiguous && !hourly && onlyFiller(before)) {
    const pad = (value: number) => String(value).padStart(2, '0');
    return { words: ['at', ...listed(sorted.map((minute) => `${pad(hour.value.hour)}:${pad(minute)}`))], end: hour.end };
  }
  const said = sorted.map((minute) => `:${String(minute).padStart(2, '0')}`);
  const list = ['at', ...listed(said)];
  const bounded = said.length >= 2 ? minutesListThenBounds(['at', ...list.slice(1), ...tokens.slice(end)], 0, [...before, 'every', 'hour']) : null;
  if (bounded) return { words: ['every', 'hour', ...bounded.words], end: tokens.length };
  return { words: ['every', 'hour', ...list], end };
}

/**
 * cronstrue's "At 09:00 AM, only on Monday, every 3 months" (`*\/3` in the month): a month step after a comma
 * narrows the rule before it to the months cron's step names, from January, said in a note. Not when months or a
 * start are said (`starting february`), which decide the months as the rest of the grammar reads them.
 */
export function withMonthStepOpened(text: string, notes: string[] | undefined, started: boolean): string {
  const ranged = started ? null : MONTH_STEP_IN_RANGE.exec(text);
  const [from, through] = ranged ? [monthOf(ranged[2]!), monthOf(ranged[3]!)] : [];
  if (ranged && from !== undefined && through !== undefined) {
    // "..., every 2 months, March through December" (cron's `3/2`): every second month of the range, from its first.
    const every = ranged[1] === 'other' ? 2 : Number(ranged[1]);
    const span = ((through - from + 12) % 12) + 1;
    const months = [...Array(span).keys()].filter((k) => k % every === 0).map((k) => MONTH_NAMES[(from - 1 + k) % 12]!);
    if (!Number.isInteger(every) || every < 2 || months.length === 0) return text;
    // Cron's "3/2" runs to December; a range that wraps the year ("november through february") is no step of cron's.
    const cron = from <= through ? `, as cron's ${from}-${through}/${every} is` : '';
    notes?.push(`read '${ranged[0].slice(2)}' after a comma as ${listText(months)}${cron}`);
    return `${text.slice(0, ranged.index)}, in ${months.map((month) => month.toLowerCase()).join(', ')}${text.slice(ranged.index + ranged[0].length)}`;
  }
  const step = MONTH_STEP.exec(text);
  if (!step || started || text.split(/[\s,-]+/).some((word) => monthOf(word) !== undefined || word === 'starting' || word === 'beginning' || word === 'from')) return text;
  const every = step[1] === 'other' ? 2 : Number(step[1]);
  if (!Number.isInteger(every) || every < 2 || 12 % every !== 0) return text;
  const months = MONTH_NAMES.filter((_, m) => m % every === 0);
  notes?.push(`read '${step[0].slice(2)}' after a comma as ${listText(months)}, as cron's */${every} is; name the months for others`);
  return `${text.slice(0, step.index)}, in ${months.map((month) => month.toLowerCase()).join(', ')}${text.slice(step.index + step[0].length)}`;
}

/**
 * "5 days before the last day", "2 days before the end of the month", "the day before the last day": that many
 * days counted back from the month's last, as "6th last day". Null for anything else.
 */
function daysBeforeMonthEnd(tokens: readonly string[], k: number): { words: string[]; end: number } | null {
  // "every 2 days before the end of the month" is an interval, not a day counted back.
  if (EACH.has(tokens[k - 1] ?? '')) return null;
  const count = tokens[k] === 'the' && tokens[k + 1] === 'day' ? { value: 1, end: k + 1 } : readNumber(tokens, k, { articles: false });
  if (!count || !Number.isInteger(count.value) || count.value < 1 || count.value > 27) return null;
  const unit = tokens[count.end];
  if (!(unit === 'days' || (unit === 'day' && count.value === 1)) || tokens[count.end + 1] !== 'before' || tokens[count.end + 2] !== 'the') return null;
  const j = count.end + 3;
  const n = count.value + 1;
  const nth = ordinalDay(n);
  if (tokens[j] === 'last' && tokens[j + 1] === 'day') return { words: [nth, 'last', 'day'], end: j + 2 };
  // "the end of the month": the words after "end" stay to say which month.
  if (tokens[j] === 'end' && tokens[j + 1] === 'of') return { words: [nth, 'last', 'day'], end: j + 1 };
  return null;
}

/** "5 on saturdays", "9 every weekday": a bare number that opens the phrase (after its filler), before its days, is their time. */
function daysAfterClock(tokens: readonly string[], k: number): boolean {
  if (!['on', 'every', 'each'].includes(tokens[k] ?? '')) return false;
  const day = tokens[k + 1] === 'the' ? tokens[k + 2] : tokens[k + 1];
  return weekdayOf(day) !== undefined || PLURAL_DAYS.test(day ?? '') || /^(?:weekday|weekend|workday)$/.test(day ?? '');
}

/** Days that repeat as said ("mondays", "weekdays", "weekends"), which a bare clock after them may end. */
const PLURAL_DAYS = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends|workdays|daily)$/;

/** The words so far end with days that repeat: "mondays", "weekdays", "every monday", "every day", "every monday and friday". */
function repeatedDaysEnd(out: readonly string[]): boolean {
  const last = out[out.length - 1] ?? '';
  if (PLURAL_DAYS.test(last)) return true;
  if (weekdayOf(last) === undefined && !/^(?:day|weekday|weekend|workday)$/.test(last)) return false;
  // Back over a list of weekdays ("monday and friday", "mon, wed"), to the word that makes them repeat.
  let k = out.length - 1;
  if (weekdayOf(last) !== undefined) while (k > 0 && (weekdayOf(out[k - 1]) !== undefined || out[k - 1] === 'and' || out[k - 1] === ',')) k--;
  return EACH.has(out[k - 1] ?? '');
}

/**
 * A day of the month after one weekday, as the one-time reader reads it: "friday the fifteen" (a number word after "the"),
 * "tuesday 3rd", and "monday 21" (a number no 12-hour clock has, ending the phrase: said when it could be 21:00).
 * Days that repeat ("every friday 13") keep their own rule: the number is their time.
 */
function dayOfMonthAfterWeekday(tokens: readonly string[], k: number, out: readonly string[], notes: string[]): { words: string[]; end: number } | null {
  const before = out.at(-1);
  const weekday = weekdayOf(before);
  if (weekday === undefined || PLURAL_DAYS.test(before!)) return null;
  const ends = (end: number) => tokens[end] === undefined || tokens[end] === ',';
  const day = (read: Read<number> | null) => (read && Number.isInteger(read.value) && read.value >= 1 && read.value <= 31 ? read : null);
  if (tokens[k] === 'the') {
    const said = day(readNumber(tokens, k + 1, { articles: false }));
    if (!said || /^\d/.test(tokens[k + 1]!) || readOrdinal(tokens, k + 1) || ['am', 'pm', 'oclock', 'minutes', 'hours'].includes(tokens[said.end] ?? '')) return null;
    return { words: ['the', ordinalDay(said.value)], end: said.end };
  }
  // Days that come round by weeks ("weekly on monday 21") are every one of them: the number is their time, as after "every monday".
  if (repeatedDaysEnd(out) || weeklyBefore(out)) return null;
  const ordinal = day(readOrdinal(tokens, k));
  if (ordinal && (ends(ordinal.end) || tokens[ordinal.end] === 'at')) return { words: ['the', ordinalDay(ordinal.value)], end: ordinal.end };
  // Digits, as the one-time reader takes them ("monday twenty one" is a time to both).
  const number = /^\d{1,2}$/.test(tokens[k]!) ? day(readNumber(tokens, k, { articles: false })) : null;
  if (!number || number.value < 13) return null;
  // Another time after it ("monday 21 at 9am") leaves the number only a day.
  if (tokens[number.end] === 'at') return { words: ['the', ordinalDay(number.value)], end: number.end };
  if (!ends(number.end)) return null;
  if (number.value > 23) return { words: ['the', ordinalDay(number.value)], end: number.end };
  const name = WEEKDAY_NAMES[weekday]!.toLowerCase();
  notes.push(`read '${tokens.slice(k - 1, number.end).join(' ')}' as the ${ordinalDay(number.value)} when it is a ${WEEKDAY_NAMES[weekday]}; write 'every ${name} at ${number.value}:00' for the time`);
  return { words: ['the', ordinalDay(number.value)], end: number.end };
}

/** "every friday the 13th", "friday the 13th" at `i`: one weekday and the day of the month it must fall on. */
function weekdayDateAt(tokens: readonly string[], i: number): boolean {
  const k = tokens[i] === 'every' || tokens[i] === 'each' || tokens[i] === 'on' ? i + 1 : i;
  return weekdayOf(tokens[k]) !== undefined && !PLURAL_DAYS.test(tokens[k]!) && tokens[k + 1] === 'the' && readOrdinal(tokens, k + 2) !== null;
}

/** The words so far end with a weekday said to come round by weeks: "weekly on monday", "every 2 weeks on friday". */
function weeklyBefore(out: readonly string[]): boolean {
  const before = out.at(-2) === 'on' ? out.at(-3) : out.at(-2);
  const frequency = FREQUENCY_WORDS[before ?? ''];
  return before === 'week' || before === 'weeks' || (typeof frequency === 'object' && frequency.unit === 'week');
}

/** Words before a day that make "... to the last" a range: "from the 2nd to the last", "days 2nd to the last". */
const RANGE_STARTS: ReadonlySet<string> = new Set(['from', 'between', 'day', 'days']);

const MONTH_STEP = /(?<=\S), every (other|\d+) months?(?=,|$)/;
const MONTH_STEP_IN_RANGE = /(?<=\S), every (other|\d+) months?, ([a-z]+)(?: through | to |-)([a-z]+)(?=,|$)/;

const YEARLY_WORDS: ReadonlySet<string> = new Set(['yearly', 'annually', 'annual']);
const DATE_FOLLOWERS: ReadonlySet<string> = new Set(['at', '@', 'and', '&', ',', 'until', 'till', 'starting', 'from', 'for', 'in', 'each', 'every']);

/**
 * "every 12/25", "every 5/6 and 6/5", "every 25/12": a month and day in digits right after "every" (or after such a date
 * and "and"), the month first when both could be, as the one-time reader reads them; either guess said. Elsewhere digits
 * with a slash may be a fraction ("1/2 hour"), an idiom ("24/7") or a date of one time ("thursday, 12/10"): left alone.
 */
function numericDate(tokens: readonly string[], k: number, out: readonly string[], notes: string[]): { words: string[]; end: number } | null {
  if (!/^\d{1,2}$/.test(tokens[k] ?? '') || tokens[k + 1] !== '/' || !/^\d{1,2}$/.test(tokens[k + 2] ?? '')) return null;
  const afterDate = LIST_WORDS.has(out.at(-1) ?? '') && /^\d{1,2}$/.test(out.at(-2) ?? '') && monthOf(out.at(-3)) !== undefined;
  // What may follow a date ("every 3/4pm" is a time, "every 1/2 hour" a fraction).
  const next = tokens[k + 3];
  // "every year on 12/25", "annually, on 7/4", "on 12/25 every year", "12/25 yearly": a yearly rule said beside it.
  let before = k - 1;
  while (tokens[before] === 'on' || tokens[before] === ',') before--;
  const yearlyAt = (j: number) => YEARLY_WORDS.has(tokens[j] ?? '') || (EACH.has(tokens[j] ?? '') && tokens[j + 1] === 'year');
  const yearly = (before < k - 1 && (yearlyAt(before) || (tokens[before] === 'year' && EACH.has(tokens[before - 1] ?? '')))) || yearlyAt(k + 3);
  if (!(EACH.has(tokens[k - 1] ?? '') || afterDate || yearly) || !(next === undefined || DATE_FOLLOWERS.has(next) || YEARLY_WORDS.has(next))) return null;
  const [a, b] = [Number(tokens[k]), Number(tokens[k + 2])];
  const [month, day] = a >= 1 && a <= 12 ? [a, b] : b >= 1 && b <= 12 ? [b, a] : [0, 0];
  if (month === 0 || day < 1 || day > 31) return null;
  const name = MONTH_NAMES[month - 1]!;
  if (a <= 12 && b <= 12 && a !== b) notes.push(monthFirstNote(`${a}/${b}`, month, day));
  if (a > 12) notes.push(`read '${a}/${b}' with the day first (${day} ${name}), as ${a} is no month`);
  return { words: [name.toLowerCase(), String(day)], end: k + 3 };
}

/**
 * Compounds as cron describers and calendars write them, opened into the words the clauses read:
 * "day-of-week" -> "day of the week", "day-of-month 1" -> "day 1", "every day-of-month from 8
 * through 14" -> "days 8 through 14", "second-to-the-last" -> "second to last", "week day" and
 * "week-day" -> "weekday", "but only" -> "only", "alternate days" -> "every other day", "starting
 * at 2pm and ending at 3pm" -> "starting at 2pm until 3pm", "minute 0 past hour 9 and 17" -> "09:00
 * and 17:00".
 */
/**
 * "july 13-15", "july 13 to 15", "july 13th through 15th": the days of a month from one to the other, as "july 13, 14 and
 * 15" says them. After "from" or "between" they are where a rule starts and ends, and stay.
 */
function daysOfMonthRange(tokens: readonly string[], k: number): { words: string[]; end: number } | null {
  const month = tokens[k];
  if (monthOf(month) === undefined || tokens[k - 1] === 'from' || tokens[k - 1] === 'between') return null;
  const day = (word: string | undefined) => (word !== undefined && /^\d{1,2}(?:st|nd|rd|th)?$/.test(word) ? parseInt(word, 10) : undefined);
  const first = day(tokens[k + 1]);
  const last = day(tokens[k + 3]);
  if (first === undefined || last === undefined || !['-', 'to', 'through', 'thru'].includes(tokens[k + 2] ?? '') || first < 1 || last <= first || last > 31) return null;
  // "july 13 to 15:30" would be a clock.
  if ([':', 'am', 'pm', 'h'].includes(tokens[k + 4] ?? '')) return null;
  const days = Array.from({ length: last - first + 1 }, (_, n) => String(first + n));
  return { words: [month!, ...days.slice(0, -1).flatMap((d, n) => (n === 0 ? [d] : [',', d])), 'and', days.at(-1)!], end: k + 4 };
}

function withCompoundsOpened(tokens: readonly string[], notes: string[]): string[] {
  const out: string[] = [];
  const at = (k: number, ...words: string[]) => words.every((word, n) => tokens[k + n] === word);
  let holiday: (typeof HOLIDAYS)[number] | undefined;
  let step: Read<number> | null;
  let opened: { words: string[]; end: number } | null;
  for (let k = 0; k < tokens.length; k++) {
    if (at(k, 'day', '-', 'of', '-', 'week')) {
      out.push('day', 'of', 'the', 'week');
      k += 4;
    } else if ((tokens[k] === 'first' || tokens[k] === 'last') && at(k + 1, 'day', 'of') && ['the', 'every', 'each'].includes(tokens[k + 3] ?? '') && tokens[k + 4] === 'week') {
      // Weeks start on Sunday in some calendars and on Monday in others, so neither end of one is a weekday to guess.
      const [one, other] = tokens[k] === 'first' ? ['Sunday', 'Monday'] : ['Saturday', 'Sunday'];
      throw new UsageError(
        `the ${tokens[k]} day of a week is ${one} or ${other}, depending on the day it starts on`,
        `Name the day, such as 'every ${one.toLowerCase()}' or 'every ${other.toLowerCase()}'.`,
      );
    } else if ((opened = minutesListThenBounds(tokens, k, out) ?? minutesPastEveryHour(tokens, k, out) ?? hourOfTheDay(tokens, k) ?? firstOrLastDaysOfMonth(tokens, k, out))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if ((opened = daysOfMonthRange(tokens, k))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if ((tokens[k] === '+' || tokens[k] === 'plus') && isDaysWord(out.at(-1)) && (isDaysWord(tokens[k + 1]) || isShortWeekday(tokens, k + 1) || tokens[k + 1] === 'the')) {
      // "every monday + thursday", "mon+wed", "mondays plus fridays", "every monday + the 15th": a list, as with "and".
      out.push('and');
    } else if (tokens[k] === 'just' && (isDaysWord(tokens[k + 1]) || ['on', 'every', 'each'].includes(tokens[k + 1] ?? ''))) {
      // "just weekdays at 9", "just on mondays": as "only".
      out.push('only');
    } else if (at(k, 'first', 'thing')) {
      // "first thing every day", "first thing on mondays": the morning, as the one-time reader reads it (said, with its hour).
      const morning = tokens.some((token, n) => n > k + 1 && (token === 'morning' || token === 'mornings'));
      notes.push("read 'first thing' as the morning");
      if (!morning) out.push('morning');
      k += 1;
    } else if (at(k, 'every', 'day', '-', 'of', '-', 'week', 'from')) {
      // crontab.guru's "on every day-of-week from monday through friday": those days.
      k += 6;
    } else if (at(k, 'every', 'day', '-', 'of', '-', 'month', 'from')) {
      out.push('days');
      k += 6;
    } else if (at(k, 'in', 'every', 'month', 'from') && monthOf(tokens[k + 4]) !== undefined && RANGE_WORDS.has(tokens[k + 5] ?? '') && monthOf(tokens[k + 6]) !== undefined) {
      // crontab.guru's "in every month from january through june": those months ("in the month of march": that month).
      out.push('in');
      k += 3;
    } else if (!EACH.has(tokens[k - 1] ?? '') && (opened = ordinalsOfTheirUnit(tokens, k))) {
      // ice_cube's "daily on the 10th hour of the day": the clause's own words, without the "on the" before them.
      if (opened.words[0] === 'at' && out.at(-1) === 'the') out.splice(out.at(-2) === 'on' || out.at(-2) === 'at' ? -2 : -1);
      if (opened.words[0] === 'every' && out.at(-1) === 'the') out.splice(out.at(-2) === 'on' || out.at(-2) === 'at' ? -2 : -1);
      if (opened.words[1] === 'hour' && out.at(-1) === 'hour' && EACH.has(out.at(-2) ?? '')) out.splice(-2);
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (at(k, '1', '/') && (tokens[k + 2] === '2' || tokens[k + 2] === '4') && unitOf(tokens[k + 3]) === 'hour') {
      // "every 1/2 hour", "every 1/4 hour": as "every half hour", "every quarter hour".
      out.push(tokens[k + 2] === '2' ? 'half' : 'quarter');
      k += 2;
    } else if ((opened = numericDate(tokens, k, out, notes))) {
      // "every 5/5 at 7", "every 1/30 and 9/30 at noon": a date in digits, as its month's name and day.
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (!afterHoursStep(out) && (opened = evenMinutesPastTheHour(tokens, k, notes))) {
      // cronstrue's "At 0 and 30 minutes past the hour" (`0,30`): minutes an even step apart round the hour are that step,
      // which says the hourly rule before it again ("hourly at 15 and 45 minutes past the hour").
      if (out.at(-1) === 'hourly') out.pop();
      else if (out.at(-1) === 'hour' && EACH.has(out.at(-2) ?? '')) out.splice(-2);
      out.push(...opened.words);
      k = opened.end - 1;
    } else if ((opened = clockUntilClockAfterInterval(tokens, k, out, notes))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (tokens[k] === 'day' && out.at(-1) === 'on' && weekdayOf(tokens[k + 1]) !== undefined) {
      // english-to-cron's "on day Monday": the weekday.
    } else if ((opened = betweenOrdinalHours(tokens, k, notes))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if ((opened = minutesListPastTheHour(tokens, k, out))) {
      // cronstrue's "At 2 and 26 through 28 minutes past the hour" (`2,26-28`): those minutes of every hour.
      if (out.at(-1) === 'hourly') out.pop();
      else if (out.at(-1) === 'hour' && EACH.has(out.at(-2) ?? '')) out.splice(-2);
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (
      EACH.has(tokens[k] ?? '') &&
      (step = readNumber(tokens, k + 1, { articles: false })) &&
      at(step.end, 'days', 'in', 'a', 'month') &&
      Number.isInteger(step.value) &&
      step.value >= 2 &&
      step.value <= 30
    ) {
      // cronstrue's "every 2 days in a month" (`*\/2` in the day of the month): from the 1st, again each month; with
      // ", starting on day 2 of the month" (`2/3`), from that day.
      const startsAt =
        at(step.end + 4, ',', 'starting', 'on', 'day') && /^\d{1,2}$/.test(tokens[step.end + 8] ?? '') && at(step.end + 9, 'of', 'the', 'month') ? Number(tokens[step.end + 8]) : undefined;
      const first = startsAt ?? 1;
      if (first < 1 || first > 31) return [...out, ...tokens.slice(k)];
      const days = Array.from({ length: Math.ceil((32 - first) / step.value) }, (_, n) => String(first + n * step!.value));
      const said = tokens
        .slice(k, startsAt === undefined ? step.end + 4 : step.end + 12)
        .join(' ')
        .replace(' ,', ',');
      const cron = `${startsAt === undefined ? '*' : first}/${step.value}`;
      notes.push(
        `read '${said}' as ${days.length > 2 ? `days ${days[0]}, ${days[1]} and so on` : days.length === 2 ? `days ${days[0]} and ${days[1]}` : `day ${days[0]}`} of each month, as cron's ${cron} is; for a step that runs on across months say 'every ${step.value} days'`,
      );
      out.push('days', ...days.flatMap((day, n) => [...(n > 0 ? [','] : []), day]));
      k = startsAt === undefined ? step.end + 3 : step.end + 11;
    } else if (at(k, 'between', 'day') && /^\d{1,2}$/.test(tokens[k + 2] ?? '') && tokens[k + 3] === 'and' && /^\d{1,2}$/.test(tokens[k + 4] ?? '')) {
      // cronstrue's "between day 1 and 7 of the month" (`1-7` in the day of the month): those days.
      out.push('days', tokens[k + 2]!, 'through', tokens[k + 4]!);
      k += 4;
    } else if (at(k, 'in', 'every') && (step = readOrdinal(tokens, k + 2)) && tokens[step.end] === 'month' && step.value >= 2 && step.value <= 12) {
      // crontab.guru's "in every 3rd month" (`*/3` in the month field): January and every 3rd month after it; "in every 3rd
      // month from february through december" (`2-12/3`): from the first month named, to the last.
      const from = tokens[step.end + 1] === 'from' ? monthOf(tokens[step.end + 2]) : undefined;
      const to = from !== undefined && RANGE_WORDS.has(tokens[step.end + 3] ?? '') ? monthOf(tokens[step.end + 4]) : undefined;
      const first = from ?? 1;
      const last = to ?? 12;
      const months = MONTH_NAMES.filter((_, m) => m + 1 >= first && m + 1 <= last && (m + 1 - first) % step!.value === 0);
      const said = tokens.slice(k, to !== undefined ? step.end + 5 : from !== undefined ? step.end + 3 : step.end + 1).join(' ');
      const cron = `${from === undefined ? '*' : to === undefined ? String(first) : `${first}-${last}`}/${step.value}`;
      notes.push(`read '${said}' as ${listText(months)}, as cron's ${cron} is; name the months for others`);
      out.push('in', ...months.flatMap((month, m) => [...(m > 0 ? [','] : []), month.toLowerCase()]));
      k = to !== undefined ? step.end + 4 : from !== undefined ? step.end + 2 : step.end;
    } else if (tokens[k] === 'or' && weekdayOf(out[out.length - 1]) !== undefined && weekdayOf(tokens[k + 1]) !== undefined && out.some((word) => EACH.has(word) || PLURAL_DAYS.test(word))) {
      // "every wed or monday", "mondays or fridays": a schedule fires on each day named, as with "and" (said; "monday or
      // tuesday" alone, one day of the two, is left unread).
      notes.push(`read '${tokens[k - 1]} or ${tokens[k + 1]}' as both days: it runs on each day named`);
      out.push('and');
    } else if (tokens[k] === 'or' && orJoinsRepeatingDays(tokens, k, out)) {
      // "every 1st or 15th", "on day 2 of the month, or on monday": a schedule fires on each day named, as with "and".
      notes.push("read 'or' between days as 'and': it runs on each day named");
      out.push('and');
    } else if ((opened = dayOfMonthAfterWeekday(tokens, k, out, notes))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (/^\d{1,2}$/.test(tokens[k]!) && Number(tokens[k]) <= 23 && repeatedDaysEnd(out) && (tokens[k + 1] === undefined || tokens[k + 1] === ',')) {
      // "mondays 9", "every monday 9", "every day 9": a number after days that repeat, ending the phrase, is the time they are at.
      // After a weekday an hour of the 24-hour clock could be its day of the month ("every friday 13"): said, as the one-time reader says it.
      const weekday = weekdayOf(tokens[k - 1]);
      if (weekday !== undefined && Number(tokens[k]) >= 13) {
        const said = `${tokens[k - 1]} ${tokens[k]}`;
        notes.push(
          `read '${said}' as ${formatClock(Number(tokens[k]), 0)} on ${WEEKDAY_NAMES[weekday]}; write '${WEEKDAY_NAMES[weekday]!.toLowerCase()} the ${ordinalDay(Number(tokens[k]))}' for a date`,
        );
      }
      out.push('at', tokens[k]!);
    } else if (tokens[k] === 'penultimate' || at(k, 'next', 'to', 'last') || at(k, 'last', 'but', 'one')) {
      // "penultimate day", "next to last day", "last but one friday": the second from the end.
      out.push('2nd', 'to', 'last');
      k += tokens[k] === 'penultimate' ? 0 : 2;
    } else if (at(k, 'bottom', 'of') && (at(k + 2, 'the', 'hour') || (EACH.has(tokens[k + 2] ?? '') && tokens[k + 3] === 'hour'))) {
      // "at the bottom of the hour": half past, as the top of the hour is o'clock.
      if (out[out.length - 1] === 'the') out.pop();
      out.push('30', 'minutes', 'past');
      k += 1;
    } else if ((opened = daysBeforeMonthEnd(tokens, k))) {
      // "5 days before the last day of the month" (cronstrue's `L-5`), "the day before the end of the month": counted from the end.
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (
      (at(k, 'of', 'every', 'week') || at(k, 'of', 'each', 'week') || at(k, 'of', 'the', 'week')) &&
      weekdayOf(out.at(-1)) !== undefined &&
      [undefined, 'every', 'each', 'on', ',', 'and', '&'].includes(out.at(-2))
    ) {
      // Windows Task Scheduler's "at 9:00 AM every Monday, Wednesday of every week": those days, every week ("the first
      // monday of every week" and "every other monday of the week" say no such thing: left unread).
      k += 2;
    } else if (tokens[k] === 'day' && /^\d{1,2}$/.test(tokens[k + 1] ?? '') && tokens[k + 2] === 'of' && monthOf(tokens[k + 3]) !== undefined) {
      // Windows Task Scheduler's "on day 15 of January, April": that day of those months.
      if (out.at(-1) !== 'the') out.push('the');
      out.push(ordinalDay(Number(tokens[k + 1])));
      k += 1;
    } else if (at(k, 'in', 'the', 'month', 'of') && monthOf(tokens[k + 4]) !== undefined) {
      out.push('in');
      k += 3;
    } else if (at(k, 'day', '-', 'of', '-', 'month')) {
      out.push('day');
      k += 4;
    } else if (at(k, '-', 'to', '-', 'the', '-', 'last') || at(k, '-', 'to', '-', 'last')) {
      out.push('to', 'last');
      k += tokens[k + 3] === 'the' ? 5 : 3;
    } else if (
      at(k, 'to', 'the', 'last') &&
      (step = readOrdinal(tokens, k - 1)) &&
      step.end === k &&
      step.value >= 2 &&
      step.value <= 5 &&
      !RANGE_STARTS.has(tokens[tokens[k - 2] === 'the' ? k - 3 : k - 2] ?? '')
    ) {
      // "the 2nd to the last day" is the day before the last, as "2nd to last" is; "from the 2nd to the last", "the 1st to
      // the last" and "the 25th to the last" are ranges.
      out.push('to', 'last');
      k += 2;
    } else if (EACH.has(tokens[k - 1] ?? '') && (at(k, 'week', 'day') || at(k, 'week', 'days') || at(k, 'week', '-', 'day') || at(k, 'week', '-', 'days'))) {
      out.push('weekday');
      k += tokens[k + 1] === '-' ? 2 : 1;
    } else if (at(k, 'but', 'only') || at(k, 'but', 'just')) {
      out.push('only');
      k += 1;
    } else if ((tokens[k] === 'even' || tokens[k] === 'odd') && /^(?:days|hours|numbered)$/.test(tokens[k + 1] ?? '') && !EACH.has(out[out.length - 1] ?? '')) {
      // "on even days", "at odd hours": every one of them.
      out.push('every', tokens[k]!);
    } else if (
      (tokens[k] === 'alternate' || tokens[k] === 'alternating') &&
      (/^(?:days?|weeks?|months?|years?|hours?|[a-z]+days)$/.test(tokens[k + 1] ?? '') || weekdayOf(tokens[k + 1]) !== undefined)
    ) {
      // "every alternate day", "on alternate days", "every alternate saturday", "alternating fridays": every other one.
      if (!EACH.has(out[out.length - 1] ?? '')) out.push('every');
      out.push('other');
    } else if ((at(k, 'and', 'ending', 'at') || at(k, 'ending', 'at') || at(k, 'and', 'finishing', 'at') || at(k, 'finishing', 'at')) && out.includes('starting')) {
      // Quartz's "starting at 2pm and ending at 2:55pm", Jenkins' "finishing at 3:45 pm": the window's end.
      out.push('until');
      k += tokens[k] === 'and' ? 2 : 1;
    } else if (at(k, 'm', '-', 'f')) {
      // "m-f": Monday to Friday.
      out.push('mon', '-', 'fri');
      k += 2;
    } else if (isShortWeekday(tokens, k)) {
      // "tu/th", "mo, we, fr", "every tu. and th.": two-letter weekdays in a list or after "every".
      out.push(SHORT_WEEKDAYS[tokens[k]!]!);
    } else if (tokens[k] === '/' && weekdayOf(out[out.length - 1]) !== undefined && (weekdayOf(tokens[k + 1]) !== undefined || SHORT_WEEKDAYS[tokens[k + 1] ?? ''])) {
      // "mon/wed/fri": a list.
      out.push(',');
    } else if (at(k, 'first', 'and', 'last', 'day')) {
      // "the first and last day of the month": the 1st and the last day.
      out.push('1st');
    } else if (tokens[k] === 'last' && tokens[k + 1] === 'of' && ['the', 'each', 'every'].includes(tokens[k + 2] ?? '') && tokens[k + 3] === 'month') {
      // "the last of each month", as "the first of each month": its last day.
      out.push('last', 'day');
    } else if (/^\d{1,2}$/.test(tokens[k]!) && at(k + 1, 'of', 'month') && !/^\d/.test(tokens[k - 1] ?? '')) {
      // App Engine's "15 of month 12:00": the 15th of every month.
      const day = Number(tokens[k]);
      out.push(ordinalDay(day), 'of', 'every', 'month');
      k += 2;
    } else if (tokens[k] === '-' && DAYS_BEFORE_DASH.test(out[out.length - 1] ?? '') && readClock(tokens, k + 1)) {
      // "every day - 9am": a dash between the days and the time, as a comma.
      out.push(',');
    } else if ((holiday = HOLIDAYS.find(({ said }) => at(k, ...said)))) {
      // "every new year's day", "christmas eve at 6pm": holidays as their dates ("every thanksgiving": its weekday, said).
      const note = holidayNote(
        tokens
          .slice(k, k + holiday.said.length)
          .join(' ')
          .replace(/ s\b/g, "'s"),
        holiday.date,
      );
      if (note) notes.push(note);
      out.push(...weekdayBeforeAsSpan(holiday.date, tokens));
      k += holiday.said.length - 1;
    } else if (/^semi(?:monthly|weekly)$/.test(tokens[k]!) || (tokens[k] === 'semi' && tokens[k + 1] === '-' && /^(?:monthly|weekly)$/.test(tokens[k + 2] ?? ''))) {
      // "semimonthly", "semi-weekly": twice a month or week (the days are chosen, with a note, as for "twice a month").
      const unit = (tokens[k] === 'semi' ? tokens[k + 2]! : tokens[k]!.slice(4)).replace('ly', '');
      notes.push(`read '${tokens.slice(k, tokens[k] === 'semi' ? k + 3 : k + 1).join('')}' as twice a ${unit}`);
      out.push('twice', 'a', unit);
      if (tokens[k] === 'semi') k += 2;
    } else if (tokens[k] === 'q' && /^[1-4]$/.test(tokens[k + 1] ?? '')) {
      // "in q1": the quarter's months.
      const first = 3 * Number(tokens[k + 1]) - 2;
      out.push(MONTH_NAMES[first - 1]!.toLowerCase(), '-', MONTH_NAMES[first + 1]!.toLowerCase());
      k += 1;
    } else if ((opened = crontabGuruHours(tokens, k, notes) ?? weekdayInWeeksOfMonth(tokens, k, notes))) {
      out.push(...opened.words);
      k = opened.end - 1;
    } else if (at(k, 'minute') && /^\d{1,2}$/.test(tokens[k + 1] ?? '') && at(k + 2, 'past', 'hour') && /^\d{1,2}$/.test(tokens[k + 4] ?? '')) {
      // crontab.guru's "at minute 0 past hour 9 and 17": those clock times, on the 24-hour clock.
      const minute = tokens[k + 1]!.padStart(2, '0');
      let j = k + 4;
      for (;;) {
        out.push(`${tokens[j]!.padStart(2, '0')}:${minute}`);
        if (!LIST_WORDS.has(tokens[j + 1] ?? '') || !/^\d{1,2}$/.test(tokens[j + 2] ?? '')) break;
        out.push('and');
        j += 2;
      }
      k = j;
    } else out.push(tokens[k]!);
  }
  return out;
}

/**
 * crontab.guru's hours counted on the 24-hour clock: "minute 23 past every 2nd hour from 0 through
 * 20" (`23 0-20/2 * * *`) -> "every 2 hours from 00:23 until 20:23"; "minute 5 past every 3rd hour"
 * -> "every 3 hours at minute 5"; "every 15th minute past every hour from 9 through 17" (`*\/15 9-17`)
 * -> "every 15 minutes from 9:00 am until 5:45 pm". Its range names whole hours, so the window ends at
 * the last fire inside the last hour, never at the hour itself. A step of minutes that does not divide
 * the hour, or within every Nth hour ("every 15th minute past every 2nd hour", `*\/15 *\/2 * * *`), is
 * one window in each hour the cron names, as the cron is.
 */
function crontabGuruHours(tokens: readonly string[], k: number, notes: string[]): { words: string[]; end: number } | null {
  const digits = (t: string | undefined) => /^\d{1,2}$/.test(t ?? '');
  const rangeAt = (at: number) => tokens[at] === 'from' && digits(tokens[at + 1]) && RANGE_WORDS.has(tokens[at + 2] ?? '') && digits(tokens[at + 3]);
  let minute: number | undefined;
  let minuteStep: number | undefined;
  // The minutes of the hour a step runs over ("every 5th minute from 0 through 30": 0-30/5).
  let [fromMinute, toMinute] = [0, 59];
  let minuteRange = false;
  let j = k;
  if (tokens[j] === 'minute' && digits(tokens[j + 1])) {
    minute = Number(tokens[j + 1]);
    j += 2;
  } else if (EACH.has(tokens[j] ?? '')) {
    const step = tokens[j + 1] === 'minute' ? { value: 1, end: j + 1 } : readOrdinal(tokens, j + 1);
    if (!step || tokens[step.end] !== 'minute') return null;
    minuteStep = step.value;
    j = step.end + 1;
    if (rangeAt(j)) {
      [fromMinute, toMinute] = [Number(tokens[j + 1]), Number(tokens[j + 3])];
      if (fromMinute > toMinute || toMinute > 59) return null;
      minuteRange = true;
      j += 4;
    }
  } else return null;
  // On the 12-hour clock with am/pm, so no hour is left to the am/pm rule.
  const clock = (hour: number, m: number) => [`${hour % 12 || 12}:${String(m).padStart(2, '0')}`, hour < 12 ? 'am' : 'pm'];
  let hours: number[];
  let end: number;
  let hourStep = 1;
  if (tokens[j] === 'past' && tokens[j + 1] === 'hour' && digits(tokens[j + 2])) {
    // "every minute past hour 12", "every 10th minute past hour 9 and 17" (a minute past named hours is read elsewhere).
    if (minute !== undefined) return null;
    hours = [Number(tokens[j + 2])];
    end = j + 3;
    while (LIST_WORDS.has(tokens[end] ?? '') && digits(tokens[end + 1])) {
      hours.push(Number(tokens[end + 1]));
      end += 2;
    }
    if (hours.some((hour) => hour > 23)) return null;
  } else if ((tokens[j] === 'past' || tokens[j] === 'of') && (EACH.has(tokens[j + 1] ?? '') || (tokens[j + 1] === 'the' && tokens[j + 2] === 'hour'))) {
    // "past every 2nd hour", "of every hour", "past the hour".
    const the = tokens[j + 1] === 'the';
    j += 2;
    const step = tokens[j] === 'hour' ? { value: 1, end: j } : tokens[j] === 'other' && !the ? { value: 2, end: j + 1 } : readOrdinal(tokens, j);
    if (!step || tokens[step.end] !== 'hour') return null;
    hourStep = step.value;
    j = step.end + 1;
    const ranged = rangeAt(j);
    const [first, last] = ranged ? [Number(tokens[j + 1]), Number(tokens[j + 3])] : [0, 23];
    if (first > 23 || last > 23 || first > last) return null;
    end = ranged ? j + 4 : j;
    if (minute !== undefined) {
      if (!ranged) return { words: ['every', ...(hourStep === 1 ? [] : [String(hourStep)]), 'hours', 'at', 'minute', String(minute)], end };
      return { words: ['every', String(hourStep), 'hours', 'from', ...clock(first, minute), 'until', ...clock(last, minute)], end };
    }
    hours = [];
    for (let hour = first; hour <= last; hour += hourStep) hours.push(hour);
  } else if (minuteRange) {
    // "at every 5th minute from 0 through 30": of every hour.
    hours = [...Array(24).keys()];
    end = j;
  } else return null;
  const step = minuteStep!;
  const lastMinute = toMinute - ((toMinute - fromMinute) % step);
  const wholeHour = fromMinute === 0 && toMinute === 59 && 60 % step === 0;
  // Runs of whole hours in a row are one window ("every 15th minute past every hour from 9 through 17": 09:00 until 17:45).
  if (wholeHour && hourStep === 1 && hours.every((hour, n) => n === 0 || hour === hours[n - 1]! + 1)) {
    if (hours.length === 24) return { words: ['every', String(step), 'minutes'], end };
    return { words: ['every', String(step), 'minutes', 'from', ...clock(hours[0]!, 0), 'until', ...clock(hours.at(-1)!, 60 - step)], end };
  }
  // Otherwise the cron's minutes of each hour it names (`*/7 * * * *`: 0, 7, ..., 56, then 0 again), as one window an hour.
  if (fromMinute === 0 && toMinute === 59 && 60 % step !== 0) {
    notes.push(
      `read '${tokens.slice(k, end).join(' ')}' as minutes 0, ${step}, ..., ${lastMinute} of the hour, as cron's */${step} is (${60 - lastMinute} minutes from :${lastMinute} to :00); write 'every ${step} minutes' for ${step} minutes apart throughout`,
    );
  }
  // What follows ("on mondays", "in june") is said of every window; a rule joined after it would be joined to the last alone.
  const rest = tokens.slice(end);
  if (rest.some((token) => LIST_WORDS.has(token))) {
    throw new UsageError(`'${tokens.slice(k, end).join(' ')}' is read as a window in each hour it names, and cannot be joined to another rule`, 'Give the other rule as a schedule of its own.');
  }
  const words: string[] = [];
  for (const hour of hours) {
    words.push(...(words.length ? ['and'] : []), 'every', String(step), 'minutes', 'from', ...clock(hour, fromMinute), 'until', ...clock(hour, lastMinute), ...rest);
  }
  return { words, end: tokens.length };
}

/** Words for days that a dash may follow before the time ("every day - 9am"); after a time, a dash is a window ("9am - 5pm"). */
const DAYS_BEFORE_DASH = /^(?:days?|daily|weekdays?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)$/;

/** Two-letter weekdays, read only in a list ("tu/th"): alone, "th" and "we" are other words. */
const SHORT_WEEKDAYS: Readonly<Record<string, string>> = { mo: 'mon', tu: 'tue', we: 'wed', th: 'thu', fr: 'fri', sa: 'sat', su: 'sun' };
const DAY_JOINS = new Set(['/', ',', '&', '-']);

/**
 * Two letters for a weekday at `k` ("tu", "th"), read only in a list with another weekday ("tu/th", "tu and th", "tu th",
 * "mon + we"): alone, "th" and "we" are other words.
 */
function isShortWeekday(tokens: readonly string[], k: number): boolean {
  const token = tokens[k] ?? '';
  if (!SHORT_WEEKDAYS[token]) return false;
  const [before, after] = [tokens[k - 1] ?? '', tokens[k + 1] ?? ''];
  if (DAY_JOINS.has(before) || DAY_JOINS.has(after)) return true;
  const other = (n: number) => weekdayOf(tokens[n]) !== undefined || SHORT_WEEKDAYS[tokens[n] ?? ''] !== undefined;
  if (other(k - 1) || other(k + 1)) return true;
  if (DAY_LIST_WORDS.has(before) && other(k - 2)) return true;
  return DAY_LIST_WORDS.has(after) && other(k + 2);
}
const DAY_LIST_WORDS = new Set(['and', 'or', '+', 'plus']);

/**
 * "every hour at :05 and :35 on weekdays", "hourly at :00 and :30 between 9am and 5pm": minutes past the hour in a list, and
 * what bounds them after it (days, a window); each minute is said as a rule of its own with those bounds ("every hour at :05
 * on weekdays and every hour at :35 on weekdays"). A list that ends the phrase is read by readGroups.
 */
function minutesListThenBounds(tokens: readonly string[], k: number, out: readonly string[]): { words: string[]; end: number } | null {
  const head = out.at(-1) === 'hourly' ? ['hourly'] : out.at(-1) === 'hour' && EACH.has(out.at(-2) ?? '') ? out.slice(-2) : null;
  if (!head || tokens[k] !== 'at') return null;
  const { minutes, end: j } = minuteList(tokens, k + 1);
  const rest = tokens.slice(j);
  // Each minute is said again with what follows; what came before (days) would be said with the first alone.
  if (minutes.length < 2 || rest.length === 0 || !onlyFiller(out.slice(0, -head.length))) return null;
  return { words: minutes.flatMap((said, n) => [...(n > 0 ? ['and', ...head] : []), 'at', said, ...rest]), end: tokens.length };
}

/** ":05, :20 and :35" from `start`: the minutes, and where the list ends (a joiner not followed by a minute is left out). */
function minuteList(tokens: readonly string[], start: number): { minutes: string[]; end: number } {
  const minute = (n: number) => /^:\d{1,2}$/.test(tokens[n] ?? '');
  const minutes: string[] = [];
  let j = start;
  while (minute(j)) {
    minutes.push(tokens[j]!);
    j++;
    const next = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    if (!LIST_WORDS.has(tokens[j] ?? '') || !minute(next)) break;
    j = next;
  }
  return { minutes, end: j };
}

/** Words before a rule that say nothing of when: "remind me", "please", "can you". */
const RULE_FILLER = new Set<string>([...LEADING_FILLER, ...FILLER.asking, ...FILLER.things, ...FILLER.owners, 'you', 'for']);
function onlyFiller(words: readonly string[]): boolean {
  return words.every((word) => RULE_FILLER.has(word));
}

/** "at :05 past every hour", "at :05 and :35 past each hour on weekdays": as "every hour at :05 and :35 on weekdays". */
function minutesPastEveryHour(tokens: readonly string[], k: number, out: readonly string[]): { words: string[]; end: number } | null {
  if (tokens[k] !== 'at') return null;
  const { minutes, end: j } = minuteList(tokens, k + 1);
  if (minutes.length === 0 || tokens[j] !== 'past' || !EACH.has(tokens[j + 1] ?? '') || tokens[j + 2] !== 'hour') return null;
  const rest = tokens.slice(j + 3);
  // Ending the phrase, the list is read as "every hour at :05 and :35" is, on the days said before it.
  if (rest.length === 0 || minutes.length === 1) return { words: ['every', 'hour', 'at', ...minutes.flatMap((said, n) => [...(n > 0 ? ['and'] : []), said])], end: j + 3 };
  if (!onlyFiller(out)) return null;
  return { words: minutes.flatMap((said, n) => [...(n > 0 ? ['and'] : []), 'every', 'hour', 'at', said, ...rest]), end: tokens.length };
}

/**
 * "in the 9am hour", "during the 5 o'clock hour", "in the 9am and 5pm hours": from that hour until a minute before the next
 * (a window, so an interval runs within it).
 */
function hourOfTheDay(tokens: readonly string[], k: number): { words: string[]; end: number } | null {
  if ((tokens[k] !== 'in' && tokens[k] !== 'during') || tokens[k + 1] !== 'the') return null;
  const hours: ClockRead[] = [];
  let j = k + 2;
  for (;;) {
    const clock = readClock(tokens, j);
    if (!clock || clock.value.minute !== 0) return null;
    hours.push(clock);
    j = clock.end;
    if (tokens[j] === 'hours' && hours.length > 1) break;
    // "in the 9am hour and the 5pm hour": each hour said whole.
    const said = tokens[j] === 'hour';
    const link = said ? j + 1 : j;
    const next = tokens[link] === ',' && tokens[link + 1] === 'and' ? link + 2 : link + 1;
    const more = LIST_WORDS.has(tokens[link] ?? '') && (!said || tokens[next] === 'the');
    if (said && !more) break;
    if (!more) return null;
    j = tokens[next] === 'the' ? next + 1 : next;
  }
  const words = hours.flatMap((clock, n) => {
    // Without am/pm the hour is read by the usual rule, the same for both ends.
    const hour = clock.ambiguous ? clock.written : clock.value.hour % 12 || 12;
    const meridiem = clock.ambiguous ? [] : [clock.value.hour < 12 ? 'am' : 'pm'];
    return [...(n > 0 ? ['and'] : []), 'from', `${hour}:00`, ...meridiem, 'until', `${hour}:59`, ...meridiem];
  });
  return { words, end: j + 1 };
}

/**
 * "the first 3 days of every month" (days 1 to 3), "the last 2 days of the month" (its last and second to last days); "the
 * first 3 weekdays of every month", "the last 2 business days of the month": the 1st, 2nd and 3rd weekday, and so on.
 */
function firstOrLastDaysOfMonth(tokens: readonly string[], k: number, out: string[]): { words: string[]; end: number } | null {
  if (tokens[k] !== 'first' && tokens[k] !== 'last') return null;
  const count = readNumber(tokens, k + 1, { articles: false });
  if (!count || !Number.isInteger(count.value) || count.value < 2 || count.value > 28) return null;
  const workdays = workdayWordEnd(tokens, count.end);
  const days = tokens[count.end] === 'days' ? count.end + 1 : workdays > 0 && tokens[workdays - 1]!.endsWith('s') ? workdays : -1;
  if (days < 0 || tokens[days] !== 'of') return null;
  // "weekdays" -> "weekday", "business days" -> "business day".
  const unit = tokens[count.end] === 'days' ? ['day'] : [...tokens.slice(count.end, days - 1), tokens[days - 1]!.slice(0, -1)];
  if (out.at(-1) === 'the') out.pop();
  // "every day for the first 3 days of the month", "daily during the last 2 days of it": on those days.
  if (['for', 'during', 'in'].includes(out.at(-1) ?? '')) out[out.length - 1] = 'on';
  if (tokens[k] === 'first' && unit[0] === 'day') return { words: ['days', '1', 'through', String(count.value)], end: days };
  const list = (nths: string[][]) => nths.flatMap((nth, n) => [...(n === 0 ? [] : n === nths.length - 1 ? ['and'] : [',']), ...nth]);
  const nths = Array.from({ length: count.value }, (_, n) => (tokens[k] === 'first' ? [ordinalDay(n + 1)] : n === 0 ? ['last'] : [ordinalDay(n + 1), 'to', 'last']));
  return { words: ['the', ...list(nths), ...unit], end: days };
}

/** "this monday", "that friday", "this 1st": "this" begins one day (never a rule), not a word to skip. */
function startsOneTime(tokens: readonly string[], i: number): boolean {
  const next = tokens[i + 1];
  return (tokens[i] === 'this' || tokens[i] === 'that') && (weekdayOf(next) !== undefined || monthOf(next) !== undefined || partOfDay(next) !== undefined || /^\d+(?:st|nd|rd|th)$/.test(next ?? ''));
}

/** What words in brackets may restate, each compared whole. */
const RESTATED = ['weekdays', 'monthDays', 'months', 'dates', 'nth', 'interval', 'window', 'minuteOfHour', 'part'] as const;

/**
 * "every weekday (monday to friday)", "fortnightly (every 2 weeks)": words in brackets that say again
 * what the rest says are checked and left out; brackets that add to it or say something else are
 * refused, never read as a second rule or a guess.
 */
function withoutRestatement(phrase: readonly string[]): string[] {
  const open = phrase.indexOf('(');
  const close = phrase.indexOf(')', open);
  if (close < 0 || phrase.slice(open + 1, close).includes('(')) throw new GrammarError("Could not understand '(' in the schedule", '(');
  const rest = [...phrase.slice(0, open), ...phrase.slice(close + 1)];
  const inner = phrase.slice(open + 1, close);
  const [group, ...more] = readGroups(rest);
  const [said, ...saidMore] = inner.length > 0 ? readGroups(inner) : [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const restates =
    group !== undefined &&
    said !== undefined &&
    more.length === 0 &&
    saidMore.length === 0 &&
    (RESTATED.some((key) => said[key] !== undefined) || said.times.length > 0) &&
    RESTATED.every((key) => said[key] === undefined || same(said[key], group[key])) &&
    (said.times.length === 0 ||
      same(
        said.times.map((time) => time.value),
        group.times.map((time) => time.value),
      ));
  if (!restates) {
    throw new ClauseConflict(
      'says something in brackets that the rest of it does not; brackets may only say the same again',
      "Say it once without brackets, such as 'every weekday at 9am' or 'every monday and friday'.",
      group?.repeats ?? true,
    );
  }
  return rest;
}

/** The first rule that reads the clause at `i`. */
function readClause(tokens: readonly string[], i: number, part: Group, seen: Seen): { end: number; rule: string } | null {
  for (const rule of CLAUSE_RULES) {
    const end = rule.read(tokens, i, part, seen);
    if (end !== null) return { end, rule: rule.name };
  }
  return null;
}

/** A clause that clashes with the ones before it: refused with the reason, never settled by which came first. */
export class ClauseConflict extends UsageError {
  constructor(
    message: string,
    hint: string,
    /** The clauses read so far repeat: the phrase is a repeating one, refused. */
    readonly repeats: boolean,
  ) {
    super(message, hint);
  }
}

/** The kinds of day a group can name; more than one is a union ("every monday and the 1st"), and only when joined by "and". */
export const DAY_KINDS = ['weekdays', 'monthDays', 'dates', 'nth'] as const;
const DAY_KIND_NAMES: Record<(typeof DAY_KINDS)[number], string> = {
  weekdays: 'days of the week',
  monthDays: 'days of the month',
  dates: 'dates',
  nth: 'a weekday or day counted in the month',
};

const sameInterval = (a: { n: number; unit: Unit }, b: { n: number; unit: Unit }) => a.n === b.n && a.unit === b.unit;
const isDaily = (interval: { n: number; unit: Unit }) => interval.n === 1 && interval.unit === 'day';
const intervalText = ({ n, unit }: { n: number; unit: Unit }) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
const UNITS_FINEST_FIRST: Unit[] = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
/** "every month" beside "every day at 9am" or "every 10 minutes": a plain "every <unit>" coarser than the other interval says only that it goes on in every one of them. */
const merelyEvery = (broad: { n: number; unit: Unit }, fine: { n: number; unit: Unit }) => broad.n === 1 && UNITS_FINEST_FIRST.indexOf(fine.unit) < UNITS_FINEST_FIRST.indexOf(broad.unit);

/**
 * Merge one clause's part into its group: lists of days, months and times
 * unite; an interval, a window, a minute past the hour and a part of the day
 * are each said once (or said again the same way), and "every day" only says
 * which days a finer interval runs on; a second kind of day ("every monday
 * ... on the 15th") unites only after "and". Anything else is a
 * ClauseConflict that says why.
 */
/**
 * "daily sunday 4pm", "every day on monday": every day beside one weekday may mean that day each week or every day from it,
 * so it is refused; "every day at 9am on fridays" says the days plainly, and is read as them, said. A set of days ("daily on
 * weekdays", "daily mon-fri") narrows every day, as ever.
 */
function everyDayBesideOneWeekday(group: Group, part: Group, tokens: readonly string[]): void {
  const everyDayAlone = (g: Group) => g.interval !== undefined && isDaily(g.interval) && !DAY_KINDS.some((kind) => g[kind] !== undefined) && !g.exceptWeekdays;
  const named = everyDayAlone(group) ? part : everyDayAlone(part) ? group : undefined;
  if (!named || named.weekdays?.length !== 1 || named.exceptWeekdays || DAY_KINDS.some((kind) => kind !== 'weekdays' && named[kind] !== undefined)) return;
  const day = WEEKDAY_NAMES[named.weekdays[0]!]!;
  if (tokens.some((word) => word.endsWith('days') && weekdayOf(word) === named.weekdays![0])) {
    addNote(group, `read every day with '${day.toLowerCase()}s' as ${day}s only; for every day, drop '${day.toLowerCase()}s'`);
    return;
  }
  throw new ClauseConflict(
    `says every day and also ${day}: ${day} each week, or every day from ${day}?`,
    `For ${day} alone, drop the 'every day' or 'daily', such as 'every ${day.toLowerCase()}'; for every day from it, 'daily starting ${day.toLowerCase()}'.`,
    true,
  );
}

export function unite(group: Group, part: Group, joined: boolean, andJoined = joined, sameDay = false): void {
  const refuse = (problem: string, hint: string): never => {
    throw new ClauseConflict(problem, hint, group.repeats || part.repeats);
  };
  // "every day in june and the 15th": in one rule the days would narrow "every day", not join it.
  const daysOf = (g: Group) => DAY_KINDS.some((kind) => g[kind] !== undefined);
  if (joined && ((part.interval && isDaily(part.interval) && daysOf(group)) || (group.interval && isDaily(group.interval) && daysOf(part)))) {
    refuse("joins every day to some days with 'and', which one rule cannot say", "Give each its own 'every', such as 'every 15th and every day in june'.");
  }
  // "the 1st and every 2 hours", "every hour and the 1st": a union of both, which one rule cannot say (it would narrow the interval to those days).
  const bareInterval = (g: Group) => g.interval !== undefined && (g.interval.unit === 'minute' || g.interval.unit === 'hour') && !daysOf(g);
  const joinedInterval = bareInterval(part) && daysOf(group) && !group.interval ? part.interval : bareInterval(group) && daysOf(part) ? group.interval : undefined;
  if (andJoined && joinedInterval) {
    const said = intervalText(joinedInterval);
    refuse(
      `joins ${said} to some days with 'and': that would fire ${said} on those days alone, not ${said} and on those days as well`,
      `For the interval on those days only, drop the 'and', such as '${said} on the 1st'; for both, create one schedule for the interval and one for the days.`,
    );
  }
  if (part.interval) {
    const had = group.interval;
    if (had && merelyEvery(part.interval, had)) {
      // "every day at 9am every month": the finer interval stands.
    } else if (had && merelyEvery(had, part.interval)) group.interval = part.interval;
    else {
      if (!had || isDaily(had)) group.interval = part.interval;
      else if (!sameInterval(had, part.interval) && !isDaily(part.interval)) {
        refuse(`gives two intervals (${intervalText(had)} and ${intervalText(part.interval)}); a schedule has one`, 'Keep one; for both, create a schedule for each.');
      }
      if (isDaily(part.interval) && had && had.unit !== 'minute' && had.unit !== 'hour' && !isDaily(had)) {
        refuse(`gives two intervals (${intervalText(had)} and every day); a schedule has one`, 'Keep one of them.');
      }
    }
  }
  const newKinds = DAY_KINDS.filter((kind) => part[kind] !== undefined || (kind === 'weekdays' && part.exceptWeekdays));
  const oldKinds = DAY_KINDS.filter((kind) => group[kind] !== undefined || (kind === 'weekdays' && group.exceptWeekdays));
  const clash = newKinds.filter((kind) => oldKinds.length > 0 && !oldKinds.includes(kind));
  // "every friday the 13th": the days that are both, as a series says them (a cron fires on either); said apart ("every
  // monday on the 15th"), which is meant is not clear.
  const bothDays = sameDay && [...oldKinds, ...clash].every((kind) => kind === 'weekdays' || kind === 'monthDays') && !group.exceptWeekdays && !part.exceptWeekdays;
  if (clash.length > 0 && !joined && bothDays) group.bothDays = true;
  else if (clash.length > 0 && !joined) {
    refuse(
      `names ${listText([...oldKinds, ...clash].map((kind) => DAY_KIND_NAMES[kind]))} together; a cron would fire on either, not only where both agree`,
      "Say which, or join them with 'and' to fire on all of them, such as 'every monday and the 15th at 9am'.",
    );
  }
  for (const kind of ['weekdays', 'monthDays'] as const) {
    const had = group[kind];
    const added = part[kind];
    // Days side by side are a list ("every mon wed fri"); with times between, which times go with which days is not said.
    if (had && added && !joined && group.times.length > 0 && added.some((day) => !had.includes(day))) {
      refuse(`names ${DAY_KIND_NAMES[kind]} twice, apart; a cron would fire at every time on every day named`, "Say which times go with which days, such as 'mondays at 9am and fridays at 5pm'.");
    }
  }
  if (group.months && part.months && !joined && group.times.length > 0 && part.months.some((month) => !group.months!.includes(month))) {
    refuse(
      'names months twice, apart; a cron would fire at every time in every month named',
      "Say which times go with which months, such as 'every day at 9am in december and every day at 10am in january'.",
    );
  }
  if (part.window) {
    if (group.window)
      refuse(
        "gives two windows without 'and' between them",
        "For one window give its start first, such as 'after 9am and before 10am'; for two, join them with 'and', such as 'from 9am to 11am and from 2pm to 4pm'.",
      );
    group.window = part.window;
  }
  if (part.minuteOfHour !== undefined) {
    if (group.minuteOfHour !== undefined && group.minuteOfHour !== part.minuteOfHour) {
      refuse(`gives two minutes past the hour (:${pad(group.minuteOfHour)} and :${pad(part.minuteOfHour)})`, "Give one, such as 'every hour at :30'.");
    }
    group.minuteOfHour = part.minuteOfHour;
  }
  if (part.part) {
    if (group.part && group.part !== part.part) {
      refuse(`names two parts of the day (${group.part} and ${part.part}), and a part of the day stands for one time`, "Give the times, such as 'every day at 9am and 6pm'.");
    }
    group.part = part.part;
  }
  if (part.nth) {
    const same = (a: Nth[], b: Nth[]) => a.length === b.length && a.every((x, k) => x.n === b[k]!.n && x.weekday === b[k]!.weekday);
    if (group.nth && !joined && !same(group.nth, part.nth)) {
      refuse('names two weekdays counted in the month', "Join them with 'and' to fire on both, such as 'first and third monday of the month'.");
    }
    group.nth = [...(group.nth ?? []), ...part.nth.filter((x) => !group.nth?.some((y) => y.n === x.n && y.weekday === x.weekday))];
  }
  group.repeats ||= part.repeats;
  if (part.throughMonthEnd) group.throughMonthEnd = true;
  if (part.bothDays) group.bothDays = true;
  group.timesADay ??= part.timesADay;
  group.timesAnHour ??= part.timesAnHour;
  group.once ??= part.once;
  group.workdays ||= part.workdays;
  // "twice a week" says how often; beside an interval ("every day twice a week") it says it twice.
  const often = part.timesPer ?? group.timesPer;
  if (often && (part.interval ?? group.interval ?? (part.timesPer && group.timesPer))) {
    refuse(`says ${often.said} beside ${part.timesPer && group.timesPer ? group.timesPer.said : intervalText((part.interval ?? group.interval)!)}`, 'Keep one of them.');
  }
  group.timesPer ??= part.timesPer;
  if (group.timesADay && (group.interval?.unit === 'minute' || group.interval?.unit === 'hour')) {
    refuse(`says ${group.timesADay.said} and ${intervalText(group.interval)}`, 'Keep one of them.');
  }
  group.clockTimes ||= part.clockTimes;
  group.times.push(...part.times);
  for (const key of ['weekdays', 'monthDays', 'months', 'exceptWeekdays', 'exceptMonths', 'exceptMonthDays'] as const) {
    if (part[key]) group[key] = mergeList(group[key], part[key]);
  }
  if (part.dates) group.dates = [...(group.dates ?? []), ...part.dates];
  if (part.exceptTimes) group.exceptTimes = [...(group.exceptTimes ?? []), ...part.exceptTimes];
  if (part.notes) group.notes = [...(group.notes ?? []), ...part.notes];
}

const pad = (minute: number) => String(minute).padStart(2, '0');

/** "'in June'", "'in June and July'": the months a group is bounded to, as a note quotes them. */
const monthsText = (months: number[]) => `'in ${listText(months.map((month) => MONTH_NAMES[month - 1]!))}'`;

export function listText(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "between 10 and 2", "from 2pm to 4pm", "after 2pm and before 4pm", "2pm to 4pm": a window of the day starts at `i`. */
function startsWindow(tokens: readonly string[], i: number): boolean {
  if (tokens[i] === 'between' || tokens[i] === 'from' || tokens[i] === 'after') return readClock(tokens, i + 1) !== null;
  const from = readClock(tokens, i);
  return from !== null && RANGE_WORDS.has(tokens[from.end] ?? '') && readClock(tokens, from.end + 1) !== null;
}

/**
 * The days of windows said one after another: a window that names none runs on the days of the one before it; days said
 * only with the last ("from 9 to 12 and from 1 to 5 on weekdays") are every window's. Each is said. `everyDay`: the
 * window's words say "every day" or "daily", which are days too.
 */
function windowDays(groups: Group[], windowAfter: ReadonlyMap<Group, Group>, everyDay: (group: Group) => boolean): void {
  if (windowAfter.size === 0) return;
  const dayless = (g: Group) => !DAY_KINDS.some((kind) => g[kind] !== undefined) && g.months === undefined && !everyDay(g);
  const copyDays = (to: Group, from: Group) => {
    for (const kind of [...DAY_KINDS, 'months', 'exceptWeekdays', 'exceptMonths', 'exceptMonthDays', 'workdays'] as const) if (from[kind] !== undefined) Object.assign(to, { [kind]: from[kind] });
  };
  const chain = groups.filter((g) => windowAfter.has(g) || [...windowAfter.values()].includes(g));
  const last = chain[chain.length - 1]!;
  const hint = "to run a window every day, say 'every day' with it";
  if (!dayless(last) && chain.slice(0, -1).every(dayless)) {
    for (const g of chain.slice(0, -1)) copyDays(g, last);
    addNote(last, `read the days said with the last window as the days of every window; ${hint}`);
    return;
  }
  for (const g of chain) {
    const before = windowAfter.get(g);
    if (!before || !dayless(g) || dayless(before)) continue;
    copyDays(g, before);
    addNote(g, `read a window that names no days as on the days of the window before it; ${hint}`);
  }
}

/** Days named after a complete group ("... at 9am and the 15th at noon", "... and weekends at 11am") start a group of their own. */
function startsDays(tokens: readonly string[], i: number): boolean {
  if (readDaySet(tokens, i)) return true;
  let j = tokens[i] === 'on' ? i + 1 : i;
  if (tokens[j] === 'the') j++;
  // A month starts days only as a date ("march 3rd"); a month or months alone ("march through november") keep to the group before.
  const date = monthOf(tokens[j]) !== undefined && (readOrdinal(tokens, j + 1) !== null || /^\d+$/.test(tokens[j + 1] ?? ''));
  return tokens[j] === 'last' || date || readOrdinal(tokens, j) !== null;
}

/** Whether a group says when in the day it fires other than by a time: an interval within the day, a window, a part of the day, a minute past the hour. */
function givesItsOwnTimes(group: Group): boolean {
  const withinDay = group.interval !== undefined && (group.interval.unit === 'minute' || group.interval.unit === 'hour');
  return withinDay || group.window !== undefined || group.part !== undefined || group.minuteOfHour !== undefined || group.timesADay !== undefined || group.timesPer !== undefined;
}

/** "every day", "daily", "every weekday", "mondays and fridays" up to the next comma or the end: days and nothing else. */
/**
 * Whether "or" at `k` joins days of a rule that repeats (said before it by "every", plural days, "of the month" or a
 * frequency word) to another day: a weekday, a day of the month ("15th", "day 15"), with a day right before it.
 */
function orJoinsRepeatingDays(tokens: readonly string[], k: number, before: readonly string[]): boolean {
  let next = tokens[k + 1] === 'on' ? k + 2 : k + 1;
  if (['the', 'every', 'each'].includes(tokens[next] ?? '')) next++;
  // "or last day", "or the last friday": the month's last, a day too.
  const monthsLast = tokens[next] === 'last' && (tokens[next + 1] === 'day' || weekdayOf(tokens[next + 1]) !== undefined);
  const day = monthsLast || weekdayOf(tokens[next]) !== undefined || /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[next] ?? '') || (tokens[next] === 'day' && /^\d{1,2}$/.test(tokens[next + 1] ?? ''));
  // The days come right before "or" too: "every monday at 9am or friday" may be Friday at any time, or either day.
  const last = before.at(-1) === ',' ? before.length - 2 : before.length - 1;
  const dayBefore = (word: string | undefined) => weekdayOf(word) !== undefined || /^\d{1,2}(?:st|nd|rd|th)?$/.test(word ?? '') || word === 'month';
  if (!dayBefore(before[last]) || (/^\d{1,2}$/.test(before[last] ?? '') && before[last - 1] !== 'day')) return false;
  const ofTheMonth = before.some((word, w) => word === 'month' && before[w - 1] === 'the' && before[w - 2] === 'of');
  // "the 1st or the last day of each month": the repeat said after the days.
  const ofEachMonthAfter = tokens.some((word, w) => w > k && word === 'month' && EACH.has(tokens[w - 1] ?? '') && tokens[w - 2] === 'of');
  const repeats = ofTheMonth || ofEachMonthAfter || before.some((word) => EACH.has(word) || PLURAL_DAYS.test(word) || Object.hasOwn(FREQUENCY_WORDS, word));
  return day && repeats;
}

/** "every day" or "each day" at `i`. */
const isEveryDay = (tokens: readonly string[], i: number) => EACH.has(tokens[i] ?? '') && tokens[i + 1] === 'day';

/** "every hour" or "every day" at `i`, closing the phrase or a comma's clause, and coarser than `interval`. */
function plainEveryFollows(tokens: readonly string[], i: number, interval: { n: number; unit: Unit }): boolean {
  const unit = unitOf(tokens[i + 1]);
  // "every day of the week" is every day.
  const end = isEveryDay(tokens, i) && tokens[i + 2] === 'of' && ['the', 'every', 'each'].includes(tokens[i + 3] ?? '') && ['week', 'month', 'year'].includes(tokens[i + 4] ?? '') ? i + 5 : i + 2;
  const closes = end === tokens.length || tokens[end] === ',';
  return EACH.has(tokens[i] ?? '') && unit !== undefined && unit !== 'second' && closes && merelyEvery({ n: 1, unit }, interval);
}

function onlyDaysFollow(tokens: readonly string[], i: number): boolean {
  const end = EACH.has(tokens[i] ?? '') && tokens[i + 1] === 'day' ? i + 2 : tokens[i] === 'daily' ? i + 1 : readDaySet(tokens, i)?.end;
  return end !== undefined && (end === tokens.length || tokens[end] === ',');
}

/**
 * Whether what follows a comma limits the days of the rule before it: days said with "only" ("only on weekdays", "weekdays
 * only", "but only on mondays"), or days at all after "every day" / "daily" ("every day at 9am, monday through friday").
 */
function limitsDays(tokens: readonly string[], i: number, group: Group): boolean {
  let j = i;
  const only = tokens[j] === 'only';
  if (only) j++;
  if (tokens[j] === 'on') j++;
  const days = readDaySet(tokens, j);
  if (!days) return false;
  const end = days.end;
  const onlyAfter = tokens[end] === 'only';
  // Days with a time of their own after a rule that has one are a rule of their own ("every day at 9am, weekends at 10am").
  const closes = (k: number) => k === tokens.length || tokens[k] === ',' || ((tokens[k] === 'at' || tokens[k] === '@') && group.times.length === 0);
  if (only || onlyAfter) return closes(onlyAfter ? end + 1 : end);
  return group.interval !== undefined && isDaily(group.interval) && !DAY_KINDS.some((kind) => group[kind] !== undefined) && closes(end);
}

/** "... and at 3pm in december" after every day's time: a time restated with months of its own. */
function restatesMonths(tokens: readonly string[], i: number, group: Group): boolean {
  const everyDay = !DAY_KINDS.some((kind) => group[kind] !== undefined) && group.repeats && (!group.interval || isDaily(group.interval));
  const clock = (tokens[i] === 'at' || tokens[i] === '@') && readClock(tokens, i + 1);
  return everyDay && !!clock && tokens[clock.end] === 'in' && readMonthList(tokens, clock.end + 1) !== null;
}

/** "every day", "each day", "daily", "everyday" at `k`. */
const saysEveryDay = (tokens: readonly string[], k: number) => tokens[k] === 'daily' || tokens[k] === 'everyday' || (EACH.has(tokens[k] ?? '') && tokens[k + 1] === 'day');

/**
 * "at 10am on mondays and 2pm on fridays": a time with its own days after a group that has both starts a group of its own.
 * Every day's days are days too: "every day at noon and at 6pm on fridays", "at 9pm daily and 9am on weekdays", "at 5pm on
 * fridays and at noon every day" (each part keeps its own days; in one rule the named days would take the place of every day).
 * After every day's time, a time restated with months of its own ("daily at 9am and at 3pm in december") is a part of its own.
 */
function startsTimedDays(tokens: readonly string[], i: number, group: Group): boolean {
  const named = DAY_KINDS.some((kind) => group[kind] !== undefined);
  const everyDay = !named && group.repeats && (!group.interval || isDaily(group.interval));
  if (!named && !everyDay) return false;
  const at = tokens[i] === 'at' || tokens[i] === '@';
  const clock = readClock(tokens, at ? i + 1 : i);
  if (!clock) return false;
  if (named && saysEveryDay(tokens, clock.end)) return true;
  if (everyDay && restatesMonths(tokens, i, group)) return true;
  const k = tokens[clock.end] === 'on' ? clock.end + 1 : clock.end;
  return k > clock.end || tokens[k] === 'every' ? startsDays(tokens, k) : readDaySet(tokens, k) !== null;
}

/** "this weekend", "next weekend", "the coming weekend": one instant, never a repeating rule. */
function isOneWeekend(tokens: readonly string[], i: number): boolean {
  const j = tokens[i] === 'this' && tokens[i + 1] === 'coming' ? i + 2 : i + 1;
  return ['this', 'next', 'coming', 'the'].includes(tokens[i] ?? '') && tokens[j] === 'weekend';
}

const hourly = (seen: Seen) => seen.group.interval?.unit === 'hour' && seen.group.interval.n === 1;

/** "at the top of the hour". */
function readTopOfHour(tokens: readonly string[], i: number, part: Group): number | null {
  const j = tokens[i] === 'at' ? i + 1 : i;
  const which = tokens[j + 3];
  if (tokens[j] !== 'the' || tokens[j + 1] !== 'top' || tokens[j + 2] !== 'of' || tokens[j + 4] !== 'hour' || !(which === 'the' || EACH.has(which ?? ''))) return null;
  part.minuteOfHour = 0;
  // "at the top of every hour" says the interval too.
  if (which !== 'the') setInterval(part, { n: 1, unit: 'hour' }, 0);
  return j + 5;
}

const EACH = new Set(['every', 'each']);

/**
 * "the end of every month" (its last day, with a note), "at the start of each month", "beginning of the month" (the 1st);
 * "the end of each quarter" (the last day of March, June, September, December); "every month at the end", the month said first.
 */
function readMonthEdge(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  let j = tokens[i] === 'at' ? i + 1 : i;
  if (tokens[j] === 'the') j++;
  const edge = tokens[j];
  if (edge !== 'end' && edge !== 'start' && edge !== 'beginning') return null;
  let unit: string;
  let end: number;
  if (tokens[j + 1] === 'of') {
    const which = tokens[j + 2] ?? '';
    const at = which === 'the' || EACH.has(which) ? j + 3 : j + 2;
    unit = tokens[at] ?? '';
    if (unit === 'week' || unit === 'workweek' || (unit === 'work' && tokens[at + 1] === 'week')) return weekEdge(tokens, i, at + (unit === 'work' ? 2 : 1), edge, part, EACH.has(which));
    if (unit === 'year') {
      // "every year end", "the start of each year": 31 December, 1 January (said, as its day is named here).
      part.months = [edge === 'end' ? 12 : 1];
      part.monthDays = [edge === 'end' ? 31 : 1];
      part.repeats = part.repeats || EACH.has(which);
      if (edge === 'end') addNote(part, "read the end of the year as its last day, 31 December; give the day to choose another, such as 'every december 24th'");
      return at + 1;
    }
    if (unit !== 'month' && unit !== 'quarter') return null;
    end = at + 1;
    const repeated = part.repeats || EACH.has(which);
    if (unit === 'quarter') setInterval(part, { n: 1, unit: 'quarter' }, end);
    part.repeats = repeated;
  } else {
    const interval = seen.group.interval;
    if (tokens[i] !== 'at' || (interval?.unit !== 'month' && interval?.unit !== 'quarter')) return null;
    unit = interval.unit;
    end = j + 1;
  }
  if (edge !== 'end') {
    part.monthDays = [1];
    return end;
  }
  part.nth = [{ n: -1, weekday: 'day' }];
  addNote(part, `read the end of the ${unit} as its last day; give the day to choose another${unit === 'month' ? ", such as 'the 25th of every month'" : ''}`);
  return end;
}

/**
 * "the start of every week" (Monday, as `weekly` is, said); "the end of the work week" (Friday). Which day ends a week
 * (Friday? Saturday? Sunday?) is not clear, so "the end of every week" is refused.
 */
function weekEdge(tokens: readonly string[], i: number, end: number, edge: string, part: Group, repeats: boolean): number {
  const said = tokens.slice(i, end).join(' ');
  const work = tokens[end - 1] === 'workweek' || tokens[end - 2] === 'work';
  if (edge === 'end' && !work) {
    throw new UsageError('which day ends a week is not clear (friday? saturday? sunday?)', "Name the day, such as 'every friday at 5pm'.");
  }
  part.weekdays = [edge === 'end' ? 5 : 1];
  part.repeats ||= repeats;
  addNote(part, `read '${said}' as ${edge === 'end' ? 'Friday' : 'Monday'}; name the day for another, such as '${edge === 'end' ? 'every saturday' : 'every sunday'}'`);
  return end;
}

/** "quarter past every hour", "10 minutes past each hour": a minute of the hour said before the interval, without "at". */
function readMinutePastEveryHour(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  const past = tokens.indexOf('past', i);
  if (past < 0 || past > i + 2 || !EACH.has(tokens[past + 1] ?? '') || tokens[past + 2] !== 'hour') return null;
  return readMinuteOfHour(tokens, i, part, seen);
}

/** "at 9am", "at 9 and 5", "at :30", "at 15 minutes past the hour", "at night". */
function readAt(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  if (tokens[i] !== 'at' && tokens[i] !== '@') return null;
  // "at every 5th minute", "at each hour": the rule follows.
  if (EACH.has(tokens[i + 1] ?? '')) return i + 1;
  // cronstrue's "Every 5 minutes, at 12:00 AM through 04:59 AM": after an interval within the day, a window said with "at".
  // ("at 10 to 11" stays the clock 10:50, as everywhere.)
  const interval = seen.group.interval;
  // Words as digits where they are the minutes people count to an hour by ("ten to eleven", "twenty five to 4"); "nine to
  // five" stays the window.
  const counted = /^\d/.test(tokens[i + 1] ?? '') ? null : readNumber(tokens, i + 1);
  const minuteWords = counted !== null && counted.value % 5 === 0 && counted.value <= 25 && tokens[counted.end] === 'to';
  const minutesBefore = (/^\d{1,2}$/.test(tokens[i + 1] ?? '') && tokens[i + 2] === 'to') || minuteWords;
  if (interval && (interval.unit === 'minute' || interval.unit === 'hour') && !minutesBefore) {
    const window = readWindow(tokens, i + 1, part, seen);
    if (window !== null) return window;
  }
  // "every day at 9am at 10am", "at 9am every monday at 5pm", "9 on weekdays at 10": a second time after the first with no
  // "and" or comma between is more often a correction than a list.
  const earlier = seen.group.times.length === 1 ? seen.group.times[0]! : undefined;
  // (A time after days left out, "at 9 except mondays at 10", is refused below with its own reason.)
  const joined = earlier && tokens.slice(earlier.end, i).some((token) => ['and', ',', '&', 'except', 'excluding', 'but', 'besides', 'minus', 'other', 'apart'].includes(token));
  if (earlier && earlier.end <= i && !joined) {
    const again = readTimes(tokens, i + 1, { ...part, times: [] }, true);
    if (again !== null) {
      throw timesInARow(earlier.text, tokens.slice(i + 1, again).join(' '));
    }
  }
  return readMinuteOfHour(tokens, i + 1, part, seen) ?? readTimes(tokens, i + 1, part, true, undefined, seen.group) ?? readPart(tokens, i + 1, part);
}

/** A time as written, its am or pm beside it ("9 am" is "9am"). */
const shownTime = (text: string) => text.replace(/ ([ap]m)\b/g, '$1');

/** Two times one after the other with nothing between, refused: more often a correction than a list. */
function timesInARow(first: string, second: string): UsageError {
  const [one, two] = [shownTime(first), shownTime(second)];
  return new UsageError(`two times one after the other, with no 'and' ('${one}', then '${two}')`, `Join them with 'and' to run at both ('at ${one} and ${two}'), or give one.`);
}

/**
 * A time said without "at" ("every day 9am"). Right after another with nothing between: both, noted, when each is a
 * clock that says its half of the day ("daily 9am 5pm", "every day 0900 1700"); one of them a bare hour ("at 9 twelve
 * noon"), refused as "at 9am at 10am" is.
 */
function readTimeAlone(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  const before = [...part.times, ...seen.group.times].find((time) => time.end === i);
  if (!before) return readTimes(tokens, i, part, false, seen.group);
  const probe = { ...part, times: [] as ClockRead[], notes: [] };
  const end = readTimes(tokens, i, probe, false, seen.group);
  if (end === null) return null;
  const said = tokens.slice(i, end).join(' ');
  if (before.ambiguous || probe.times.some((time) => time.ambiguous)) throw timesInARow(before.text, said);
  addNote(part, `read '${shownTime(before.text)} ${shownTime(said)}' as times one after the other, each of them; join them with 'and' to say so`);
  return readTimes(tokens, i, part, false, seen.group);
}

/**
 * ice_cube's "the 10th and 14th hours of the day" (10:00 and 14:00), "the 15th minute of the hour" (minute 15), "the 1st
 * and 15th days of the month", in the words the clauses read; null for anything else.
 */
function ordinalsOfTheirUnit(tokens: readonly string[], k: number): { words: string[]; end: number } | null {
  const values: number[] = [];
  let j = k;
  for (let ordinal = readOrdinal(tokens, j); ordinal; ordinal = readOrdinal(tokens, j)) {
    values.push(ordinal.value);
    j = ordinal.end;
    if (tokens[j] !== 'and' && tokens[j] !== ',') break;
    j += tokens[j] === ',' && tokens[j + 1] === 'and' ? 2 : 1;
  }
  if (values.length === 0 || !/^\d/.test(tokens[j - 1] ?? '')) return null;
  const unit = /^(hour|minute|day)s?$/.exec(tokens[j] ?? '')?.[1];
  const of = { hour: 'day', minute: 'hour', day: 'month' }[unit ?? ''];
  // "of the hour", "of every hour", and for minutes later.js's "past every hour".
  const each = tokens[j + 2] === 'the' || EACH.has(tokens[j + 2] ?? '');
  if (!unit || !(tokens[j + 1] === 'of' || (unit === 'minute' && tokens[j + 1] === 'past')) || !each || tokens[j + 3] !== of) return null;
  const end = j + 4;
  if (unit === 'hour' && values.every((hour) => hour <= 23)) {
    const said = values.map((hour) => (hour === 0 ? '12am' : hour < 12 ? `${hour}am` : hour === 12 ? '12pm' : `${hour - 12}pm`));
    return { words: tokenize(`at ${said.join(' and ')}`), end };
  }
  // "the 15th minute of every hour" names the hourly interval too; "of the hour" leaves it to the rest of the phrase.
  if (unit === 'minute' && values.length === 1 && values[0]! <= 59) return { words: ['at', String(values[0]), 'minutes', 'past', tokens[j + 2]!, 'hour'], end };
  // "the 15th and 45th minutes of the hour": those minutes of every hour, never days of the month.
  if (unit === 'minute') {
    const outside = values.find((minute) => minute > 59);
    if (outside !== undefined) throw new UsageError(`'${tokens.slice(k, end).join(' ')}' names minute ${outside}, which is out of range (0-59)`, "Try 'every hour at :15 and :45'.");
    return { words: minutesListPastTheHour(tokenize(`at ${values.join(' and ')} minutes past the hour`), 0, [])!.words, end };
  }
  if (unit === 'day' && values.length > 1) return { words: [...values.flatMap((day, n) => (n === 0 ? [ordinalDay(day)] : ['and', ordinalDay(day)])), 'of', 'the', 'month'], end };
  return null;
}

/** "on the hour", "on the half hour". */
function readOnTheHour(tokens: readonly string[], i: number, part: Group): number | null {
  if (tokens[i] !== 'on' || tokens[i + 1] !== 'the') return null;
  if (tokens[i + 2] === 'hour') {
    part.minuteOfHour = 0;
    return i + 3;
  }
  if (tokens[i + 2] === 'half' && tokens[i + 3] === 'hour') {
    part.minuteOfHour = 30;
    return i + 4;
  }
  return null;
}

/**
 * "every 4 hours starting at 8am", "every 15 minutes starting at minute 1", "every 2 hours beginning :30", "every 30
 * minutes starting at 5 past the hour": where an interval counts from.
 */
function readIntervalStart(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  // "from" starts a window before a clock; before a minute of the hour ("every 15 minutes from 4 past the hour") it is the start.
  const from = tokens[i] === 'from';
  if ((tokens[i] !== 'starting' && tokens[i] !== 'beginning' && !from) || !seen.group.interval) return null;
  let j = i + 1;
  if (!from && ['at', 'from', '@', 'on'].includes(tokens[j] ?? '')) j++;
  // "starting on the 4th minute" (later.js): minute 4.
  const ordinal = tokens[j] === 'the' ? readOrdinal(tokens, j + 1) : null;
  if (ordinal && /^\d/.test(tokens[ordinal.end - 1] ?? '') && tokens[ordinal.end] === 'minute' && ordinal.value <= 59) {
    part.minuteOfHour = ordinal.value;
    return ordinal.end + 1;
  }
  if (tokens[j] === 'minute' || /^:\d/.test(tokens[j] ?? '')) return readMinuteOfHour(tokens, j, part, seen);
  const pastTheHour = minutesPastTheHour(tokens, j);
  if (pastTheHour) {
    part.minuteOfHour = pastTheHour.minute;
    return pastTheHour.end;
  }
  if (from) return null;
  const start = readClock(tokens, j);
  if (!start) return null;
  part.times.push(start);
  return start.end;
}

/**
 * "5 minutes past the hour", "10 past", "a quarter past each hour": a minute of the hour where an interval starts
 * (cronstrue's "every 30 minutes, starting at 5 minutes past the hour"). "10 past 9" is a clock, not this.
 */
function minutesPastTheHour(tokens: readonly string[], i: number): { minute: number; end: number } | null {
  const k = tokens[i] === 'a' && tokens[i + 1] === 'quarter' ? i + 1 : i;
  const spoken = tokens[k] === 'quarter' ? { value: 15, end: k + 1 } : tokens[k] === 'half' ? { value: 30, end: k + 1 } : readNumber(tokens, k, { articles: false });
  if (!spoken || !Number.isInteger(spoken.value) || spoken.value < 0 || spoken.value > 59) return null;
  let j = spoken.end;
  if (/^(?:minutes?|mins?)$/.test(tokens[j] ?? '')) j++;
  if (tokens[j] !== 'past' && tokens[j] !== 'after') return null;
  j++;
  if ((tokens[j] === 'the' || EACH.has(tokens[j] ?? '')) && tokens[j + 1] === 'hour') j += 2;
  else if (readClock(tokens, j)) return null;
  return { minute: spoken.value, end: j };
}

const UNIT_ORDER: readonly Unit[] = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];

/**
 * "every day of the week", "every minute of every day", "every day of the year": nothing more than the interval said.
 * A step counted within a span ("every other friday of the month", "every other day of the week") restarts in each
 * (the 1st and 3rd Fridays?), which the interval alone does not say: not read, so refused. Steps of minutes or hours
 * restart each day in a cron too ("every 2 hours of every day").
 */
function readOfTheWeek(tokens: readonly string[], i: number, _part: Group, seen: Seen): number | null {
  const next = i + 1;
  const span = tokens[next + 1];
  const whole = span === 'year' || (span === 'month' && !seen.group.monthDays && !seen.group.nth);
  const interval = seen.group.interval;
  if (tokens[i] !== 'of' || !['the', 'every', 'each'].includes(tokens[next] ?? '') || !(span === 'week' || span === 'day' || whole) || !interval) return null;
  if (UNIT_ORDER.indexOf(interval.unit) >= UNIT_ORDER.indexOf(span as Unit)) return null;
  // "every 15 minutes every day of the week": the days, each of them, not a step counted in the week.
  if (isEveryDay(tokens, i - 2)) return next + 2;
  const restartsDaily = span === 'day' && (interval.unit === 'minute' || interval.unit === 'hour');
  // Counted on or started again each year, a step that divides twelve months picks the same months.
  const wholeYears = span === 'year' && interval.unit === 'month' && 12 % interval.n === 0;
  if (interval.n !== 1 && !restartsDaily && !wholeYears) {
    const weekday = seen.group.weekdays?.[0];
    const example =
      span === 'week'
        ? "such as 'every monday, wednesday and friday', "
        : span === 'month' && weekday !== undefined
          ? `such as 'first and third ${WEEKDAY_NAMES[weekday]!.toLowerCase()} of the month', `
          : '';
    throw new ClauseConflict(
      `counts its step within each ${span} ('of the ${span}'), which does not say which ones: the count may start again each ${span} or run on`,
      `Name them, ${example}or leave out 'of the ${span}' to count on from the first run.`,
      true,
    );
  }
  return next + 2;
}

/** "of every month", "of the month" (after days of the month), "in june", "during december", "in the evening", "during weekdays". */
function readOfIn(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  const token = tokens[i];
  if (token !== 'of' && token !== 'in' && token !== 'during') return null;
  const next = i + 1;
  let j = next;
  const every = tokens[j] === 'every' || tokens[j] === 'each';
  if (every || tokens[j] === 'the' || tokens[j] === 'a') j++;
  if (tokens[j] === 'month' && seen.group.monthDays) {
    part.repeats ||= every;
    return j + 1;
  }
  // "the 1st of every quarter", "the first monday of each quarter", "the 15th of the quarter": calendar quarters, as "quarterly" is.
  // Without "every" it may be the coming quarter's alone (the one-time reader reads "end of the quarter"), as "of the month" may.
  if (tokens[j] === 'quarter' && (every || tokens[next] === 'the') && (seen.group.monthDays || seen.group.nth)) {
    const repeated = part.repeats;
    setInterval(part, { n: 1, unit: 'quarter' }, j + 1);
    part.repeats = every || repeated;
    return j + 1;
  }
  // "the 4th of every other month", "of every 3 months": the interval is read next.
  // "of every 3rd month", "the first friday of every 2nd month": as "of every 3 months".
  const nthMonth = readOrdinal(tokens, j);
  const stepped = tokens[j] === 'other' || readNumber(tokens, j, { articles: false }) || (nthMonth && /^months?$/.test(tokens[nthMonth.end] ?? ''));
  if (every && (seen.group.monthDays || (nthMonth && seen.group.nth)) && stepped) return next;
  // "every monday of every month", "every tuesday of every other month": those weekdays, in every month or in every other.
  if (every && seen.group.weekdays && !seen.group.interval && EVERY_WEEKDAY_OF_MONTHS.test(tokens.join(' '))) {
    if (tokens[j] === 'month') {
      part.repeats = true;
      return j + 1;
    }
    if (stepped) return next;
  }
  if (token === 'in' && tokens[next] === 'the' && partOfDay(tokens[next + 1])) return readPart(tokens, next + 1, part);
  return readMonths(tokens, next, part, seen) ?? (token === 'during' ? readDays(tokens, next, part) : null);
}

/**
 * "every monday of every month", "every tuesday and friday every other month", "each wednesday in every 3rd month": every one of
 * the weekdays, in the months the step names. Not "monthly on fridays", "every 2 months on mondays": one day a month, not said which.
 */
const WEEKDAY_WORD = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?';
export const EVERY_WEEKDAY_OF_MONTHS = new RegExp(
  String.raw`\b(?:every|each) ${WEEKDAY_WORD}(?:(?: ?,| and| &| ?, and) ${WEEKDAY_WORD})* (?:(?:of|in|during) )?(?:every|each) (?:(?:other|\d+|\d+(?:st|nd|rd|th)|second|third|fourth|sixth) )?months?\b`,
);

/** "on", "the", "and", ",", "&" before another clause: used, nothing said ("and" and "," join what follows); "only" too, as the days it stands by limit the rule already ("only on friday", "weekdays only"). */
function readLink(tokens: readonly string[], i: number): number | null {
  if (tokens[i] === 'only') return i + 1;
  return ['on', 'the', 'and', ',', '&'].includes(tokens[i] ?? '') && i + 1 < tokens.length ? i + 1 : null;
}

/** "from monday to friday", "from january to march". */
function readFromDays(tokens: readonly string[], i: number, part: Group): number | null {
  // The words a note quotes: "between march and may" is read as "from march to may".
  let said: string | undefined;
  // "between monday and friday", "between march and may": as "from ... to ...".
  if (tokens[i] === 'between' && tokens[i + 2] === 'and') {
    const both = (of: (word: string | undefined) => number | undefined) => of(tokens[i + 1]) !== undefined && of(tokens[i + 3]) !== undefined;
    if (!both(weekdayOf) && !both(monthOf)) return null;
    said = tokens.slice(i, i + 4).join(' ');
    tokens = [...tokens.slice(0, i), 'from', tokens[i + 1]!, 'to', ...tokens.slice(i + 3)];
  }
  if (tokens[i] !== 'from') return null;
  if (weekdayOf(tokens[i + 1]) !== undefined) return readDays(tokens, i + 1, part);
  if (monthOf(tokens[i + 1]) === undefined || !RANGE_WORDS.has(tokens[i + 2] ?? '')) return null;
  const end = readMonths(tokens, i + 1, part);
  const [first, last] = [monthOf(tokens[i + 1])!, monthOf(tokens[end === null ? -1 : end - 1])];
  // "every wed from november until june": months come round every year, which the phrase may not have meant.
  if (end !== null && last !== undefined && !saysEveryYear(tokens)) {
    addNote(
      part,
      `read '${said ?? tokens.slice(i, end).join(' ')}' as ${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[last - 1]} of every year; to run once, give the first and last days with their years`,
    );
  }
  return end;
}

/** "every year", "each year", "yearly", "annually", "every july": the phrase says its months come round each year. */
function saysEveryYear(tokens: readonly string[]): boolean {
  return tokens.some((token, k) => token === 'yearly' || token === 'annually' || ((token === 'year' || monthOf(token) !== undefined) && EACH.has(tokens[k - 1] ?? '')));
}

/** "from the 25th to the last", "between the 1st and the 5th". */
function readFromDayOfMonth(tokens: readonly string[], i: number, part: Group, seen: Seen): number | null {
  if (tokens[i] !== 'from' && tokens[i] !== 'between') return null;
  if (tokens[i + 1] === 'the') return readOrdinal(tokens, i + 2) ? readDayOfMonth(tokens, i + 2, part, seen) : null;
  // "from 23rd to 25th": a day written as an ordinal, then the range's other end.
  const day = /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[i + 1] ?? '') ? readOrdinal(tokens, i + 1) : null;
  return day && (RANGE_WORDS.has(tokens[day.end] ?? '') || (tokens[i] === 'between' && tokens[day.end] === 'and')) ? readDayOfMonth(tokens, i + 1, part, seen) : null;
}

/**
 * "except sunday", "excluding weekends", "except the weekend", "but not saturday", "except december", "except in july and
 * august"; "other than", "apart from", "besides" and "except for" say the same.
 */
function readExcept(tokens: readonly string[], i: number, part: Group): number | null {
  const token = tokens[i];
  const twoWords = (token === 'other' && tokens[i + 1] === 'than') || (token === 'apart' && tokens[i + 1] === 'from') || (token === 'but' && tokens[i + 1] === 'not');
  if (token !== 'except' && token !== 'excluding' && token !== 'but' && token !== 'besides' && token !== 'minus' && !twoWords) return null;
  const after = twoWords || (token === 'except' && tokens[i + 1] === 'for') ? i + 2 : i + 1;
  // "except the weekend", "except on the weekend": as "except weekends".
  const the = tokens[after] === 'on' && tokens[after + 1] === 'the' ? after + 1 : after;
  const from = tokens[the] === 'the' && /^weekends?$/.test(tokens[the + 1] ?? '') ? the + 1 : after;
  const set = readDaySet(tokens, from);
  if (set) {
    part.exceptWeekdays = set.value;
    return set.end;
  }
  // "except daily at 12am", "except every day at noon": a time left out each day, as "except at 12am".
  const daily = tokens[after] === 'daily' ? after + 1 : /^(?:every|each)$/.test(tokens[after] ?? '') && tokens[after + 1] === 'day' ? after + 2 : after;
  const times = exceptedTimes(tokens, tokens[daily] === 'at' ? daily + 1 : daily);
  if (times) {
    part.exceptTimes = times.value;
    return times.end;
  }
  const monthDays = exceptedMonthDays(tokens, tokens[after] === 'on' ? after + 1 : after);
  if (monthDays) {
    part.exceptMonthDays = monthDays.value;
    return monthDays.end;
  }
  const months = readMonthList(tokens, tokens[from] === 'in' || tokens[from] === 'during' ? from + 1 : from);
  // A month with a day after it ("except december 25") is one day, which the phrase's ends read.
  if (!months || readOrdinal(tokens, months.end) || /^\d+$/.test(tokens[months.end] ?? '')) return null;
  part.exceptMonths = months.value;
  return months.end;
}

/** "1pm", "noon and midnight", "1pm or 2pm": times of day after "except", each of them whole (a bare "1" could be either half of the day). */
function exceptedTimes(tokens: readonly string[], start: number): Read<ClockTime[]> | null {
  const times: ClockTime[] = [];
  let j = start;
  for (;;) {
    const clock = readClock(tokens, j, { bareOffsets: false });
    if (!clock || clock.ambiguous || weekdayOf(tokens[clock.end]) !== undefined) break;
    times.push(clock.value);
    j = clock.end;
    const next = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    if (!LIST_WORDS.has(tokens[j] ?? '') && tokens[j] !== 'or') break;
    const more = tokens[next] === 'at' ? next + 1 : next;
    const again = readClock(tokens, more, { bareOffsets: false });
    if (!again || again.ambiguous) break;
    j = more;
  }
  // Days after them ("except 9am on mondays") may be the days of the times left out, or of the rule: which is not said.
  return times.length > 0 && (j === tokens.length || tokens[j] === ',') ? { value: times, end: j } : null;
}

/**
 * "the 1st", "the 1st and 15th", "the 1st, 2nd or 3rd": days of the month after "except"; not a weekday counted in the
 * month ("the 1st monday") nor a date ("the 1st of may"), read as their own.
 */
function exceptedMonthDays(tokens: readonly string[], start: number): Read<number[]> | null {
  const days: number[] = [];
  let j = start;
  for (;;) {
    const k = tokens[j] === 'the' ? j + 1 : j;
    // In digits: "the first" may count something else ("every saturday except the first").
    const day = /^\d/.test(tokens[k] ?? '') ? readOrdinal(tokens, k) : null;
    if (!day || day.value < 1 || day.value > 31) break;
    const after = tokens[day.end];
    if (weekdayOf(after) !== undefined || monthOf(after) !== undefined || after === 'of' || after === 'day' || after === 'weekday') return null;
    days.push(day.value);
    j = day.end;
    const next = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    if (!LIST_WORDS.has(tokens[j] ?? '') && tokens[j] !== 'or') break;
    const more = tokens[next] === 'the' ? next + 1 : next;
    if (!/^\d/.test(tokens[more] ?? '') || !readOrdinal(tokens, more)) break;
    j = next;
  }
  return days.length > 0 ? { value: days, end: j } : null;
}

/** "every 20 minutes", "every other hour", "every 1 week", "every half hour", "every march 1st" (the date is read next). */
function readEvery(tokens: readonly string[], i: number, group: Group): number | null {
  if (tokens[i] !== 'every' && tokens[i] !== 'each') return null;
  group.repeats = true;
  // "every single day", "each and every day".
  let j = tokens[i + 1] === 'single' ? i + 2 : tokens[i] === 'each' && tokens[i + 1] === 'and' && tokens[i + 2] === 'every' ? i + 3 : i + 1;
  if (tokens[j] === 'single' && j > i + 1) j++;
  // "every every 30 minutes": a word said twice is not understood, never skipped.
  if (EACH.has(tokens[j] ?? '')) throw new GrammarError(`Could not understand '${tokens[i]} ${tokens[j]}'`, tokens[j]);
  // "every other weekday", "every 3rd business day", "every 2 workdays": every Nth day counting Monday to Friday only
  // (the weekdays themselves are read next); "every 2nd weekday of the month" is the nth (read elsewhere).
  const step = tokens[j] === 'other' ? { value: 2, end: j + 1 } : (readOrdinal(tokens, j) ?? readNumber(tokens, j, { articles: false }));
  const workdayEnd = step ? workdayWordEnd(tokens, step.end) : -1;
  if (step && workdayEnd > 0 && tokens[workdayEnd] !== 'of' && tokens[workdayEnd] !== 'in' && Number.isInteger(step.value) && step.value > 1) {
    group.workdays = true;
    return setInterval(group, { n: step.value, unit: 'day' }, step.end);
  }
  if (tokens[j] === 'other') {
    j++;
    const unit = unitOf(tokens[j]);
    if (unit && unit !== 'second') return setInterval(group, { n: 2, unit }, j + 1);
    const weekday = weekdayOf(tokens[j]);
    if (weekday !== undefined) {
      setInterval(group, { n: 2, unit: 'week' }, j);
      return j;
    }
    if (tokens[j] === 'weekend') {
      setInterval(group, { n: 2, unit: 'week' }, j);
      return j;
    }
    throw new GrammarError(`Could not understand 'every other ${tokens[j] ?? ''}'`.replace(/ '$/, "'"), tokens[j]);
  }
  // "every even day", "every odd hour", "every even numbered day": days of the month or hours of the clock, by parity.
  if (tokens[j] === 'even' || tokens[j] === 'odd') {
    const at = tokens[j + 1] === 'numbered' ? j + 2 : j + 1;
    const unit = unitOf(tokens[at]);
    const odd = tokens[j] === 'odd' ? 1 : 0;
    if (unit === 'day') {
      group.monthDays = [...Array(31).keys()].map((k) => k + 1).filter((day) => day % 2 === odd);
      return at + 1;
    }
    if (unit === 'hour') {
      group.interval ??= { n: 1, unit: 'day' };
      group.clockTimes = true;
      for (let hour = odd; hour < 24; hour += 2) group.times.push({ value: { hour, minute: 0 }, end: at + 1, ambiguous: false, written: hour, text: formatClock(hour, 0) });
      return at + 1;
    }
    return null;
  }
  const quarterOf = tokens[j + 1] === 'of' ? tokens[j + 3] : tokens[j + 1] === '-' ? tokens[j + 2] : tokens[j + 1];
  // "every half year", "every half-year": as "semiannually", the calendar's halves.
  const halfYear = tokens[j] === 'half' ? (tokens[j + 1] === '-' || tokens[j + 1] === 'a' ? j + 2 : j + 1) : -1;
  if (halfYear > 0 && unitOf(tokens[halfYear]) === 'year') {
    addNote(
      group,
      halvesNote(
        tokens
          .slice(j - 1, halfYear + 1)
          .join(' ')
          .replace(' - ', '-'),
      ),
    );
    return setInterval(group, { n: 2, unit: 'quarter' }, halfYear + 1);
  }
  if (tokens[j] === 'half' || (tokens[j] === 'quarter' && unitOf(quarterOf) === 'hour')) {
    const minutes = tokens[j] === 'half' ? 30 : 15;
    j++;
    // "every half-hour", "every quarter-hour".
    if (tokens[j] === 'an' || tokens[j] === 'of' || tokens[j] === '-') j++;
    if (tokens[j] === 'an') j++;
    if (unitOf(tokens[j]) !== 'hour') return null;
    return setInterval(group, { n: minutes, unit: 'minute' }, j + 1);
  }
  // "every 3rd day", "every second week": every N units ("every 3rd day of the month" is a day of the month, read elsewhere).
  const ordinal = readOrdinal(tokens, j);
  // "every second weekend", as "every other weekend": the weekend of every Nth week (the weekend is read next).
  if (ordinal && ordinal.value >= 2 && tokens[ordinal.end] === 'weekend' && !['of', 'in'].includes(tokens[ordinal.end + 1] ?? '')) {
    setInterval(group, { n: ordinal.value, unit: 'week' }, ordinal.end);
    return ordinal.end;
  }
  const ordinalUnit = ordinal ? unitOf(tokens[ordinal.end]) : undefined;
  // "every 3rd day of the month", "every 2nd day of july": that day of the month (read elsewhere), the interval said as the
  // other reading. "every 2nd day in april" is as much every other day in April: refused.
  if (ordinal && ordinal.value >= 2 && tokens[ordinal.end] === 'day' && (tokens[ordinal.end + 1] === 'of' || tokens[ordinal.end + 1] === 'in')) {
    const said = tokens.slice(i, ordinal.end + 1).join(' ');
    const month = monthOf(tokens[ordinal.end + 2]);
    if (tokens[ordinal.end + 1] === 'in' && month !== undefined) {
      const name = MONTH_NAMES[month - 1]!.toLowerCase();
      throw new ClauseConflict(
        `could be ${MONTH_NAMES[month - 1]} ${ordinalDay(ordinal.value)} or every ${ordinal.value} days in ${MONTH_NAMES[month - 1]}`,
        `Write 'every ${name} ${ordinalDay(ordinal.value)}' for the date each year, or name the days, such as 'every monday in ${name}'.`,
        true,
      );
    }
    addNote(group, `read '${said}' as a day of the month, the ${ordinalDay(ordinal.value)}, not every ${ordinal.value} days`);
  }
  if (ordinal && ordinalUnit && ordinalUnit !== 'second' && !['of', 'in'].includes(tokens[ordinal.end + 1] ?? '') && /^(?:days?|weeks?|months?|years?|hours?|minutes?)$/.test(tokens[ordinal.end]!)) {
    if (ordinal.value < 1) throw new UsageError(`An interval must be at least 1 ${ordinalUnit}`, "Try 'every day' or 'every 2 days'.");
    const said = tokens.slice(i, ordinal.end + 1).join(' ');
    if (ordinal.value === 1 && ordinalUnit === 'day') {
      // "every first day", as "every last day" is the month's last: the 1st of every month, never every day.
      group.monthDays = mergeList(group.monthDays, [1]);
      addNote(group, `read '${said}' as the 1st of every month; write 'every day' for daily`);
      return ordinal.end + 1;
    }
    // "every first week", "every first hour": the first of what is not said.
    if (ordinal.value === 1)
      throw new UsageError(
        `'${said}' does not say the first of what`,
        ordinalUnit === 'week'
          ? "Say 'every week', or name it, such as 'the first monday of every month' or 'every first week of the month'."
          : `Say 'every ${ordinalUnit}', or name the first of what.`,
      );
    // "every 15th day", "every second week": an interval; the day or week of the month is the other reading, said.
    if ((ordinalUnit === 'day' && ordinal.value > 2 && ordinal.value <= 31) || (ordinalUnit === 'week' && ordinal.value <= 5)) {
      addNote(group, `read '${said}' as every ${ordinal.value} ${ordinalUnit}s, not the ${ordinalUnit === 'day' ? ordinalDay(ordinal.value) : `${tokens[j]} week`} of each month`);
    }
    return setInterval(group, { n: ordinal.value, unit: ordinalUnit }, ordinal.end + 1);
  }
  // "every couple of hours", "every few days": the counts the vocabulary gives them (2 and 3), without "a".
  const vague = tokens[j] === 'couple' || tokens[j] === 'few';
  const whole = readNumber(tokens, j, { articles: vague });
  // "every one and a half hours", "every 2 and a half days": as "every 1.5 hours".
  const andAHalf = whole && tokens[whole.end] === 'and' && tokens[whole.end + 1] === 'a' && tokens[whole.end + 2] === 'half' && unitOf(tokens[whole.end + 3]);
  const count = andAHalf ? { value: whole.value + 0.5, end: whole.end + 3 } : whole;
  // "every 4 weekends": the weekend of every 4th week, as "every 4th weekend" (the weekend is read next).
  if (count && Number.isInteger(count.value) && count.value >= 1 && /^weekends?$/.test(tokens[count.end] ?? '')) {
    setInterval(group, { n: count.value, unit: 'week' }, count.end);
    return count.end;
  }
  // "every 3 fridays", "every 2 mondays at 9am": that weekday of every Nth week, as "every other friday" (the weekday is read next).
  if (count && Number.isInteger(count.value) && count.value >= 2 && weekdayOf(tokens[count.end]) !== undefined) {
    setInterval(group, { n: count.value, unit: 'week' }, count.end);
    return count.end;
  }
  // "every second" alone: a second, not the second of something; "every sec", "every seconds" in any spelling.
  const secondsWord = unitOf(tokens[j]) === 'second' && tokens[j] !== 's' && (tokens[j] !== 'second' || tokens[j + 1] === undefined);
  if (secondsWord) throw secondsTooFine();
  if (count && /^[\d.]+$|^[a-z]/.test(tokens[j]!) && unitOf(tokens[count.end])) {
    const unit = unitOf(tokens[count.end])!;
    const more = unit === 'hour' && Number.isInteger(count.value) ? minutesAfterHours(tokens, count.end + 1) : null;
    if (more) return setInterval(group, { n: count.value * 60 + more.value, unit: 'minute' }, more.end);
    if (tokens[j] === 'few') addNote(group, `read 'few' as ${count.value}; give the number to choose another, such as 'every 4 ${tokens[count.end]}'`);
    if (unit === 'second') throw secondsTooFine();
    let n = count.value;
    let finalUnit: Unit = unit;
    if (!Number.isInteger(n)) {
      // "every 1.5 hours" is every 90 minutes.
      const minutes = n * (unit === 'hour' ? 60 : unit === 'day' ? 1440 : NaN);
      if (!Number.isInteger(minutes)) throw new GrammarError(`'${tokens[j]} ${tokens[count.end]}' is not a whole number of minutes`, tokens[j]);
      n = minutes;
      finalUnit = 'minute';
    }
    if (n < 1) throw new UsageError(`An interval must be at least 1 ${unit}`, "Try 'every minute' or 'every 5 minutes'.");
    return setInterval(group, { n, unit: finalUnit }, count.end + 1);
  }
  if (tokens[j] === 'fortnight') return setInterval(group, { n: 2, unit: 'week' }, j + 1);
  const moreThanAnHour = unitOf(tokens[j]) === 'hour' ? minutesAfterHours(tokens, j + 1) : null;
  if (moreThanAnHour) return setInterval(group, { n: 60 + moreThanAnHour.value, unit: 'minute' }, moreThanAnHour.end);
  // "every mo": Monday, as "tu" is Tuesday, to some; a month, as in "$5/mo", to others.
  if (tokens[j] === 'mo') throw new UsageError(`'${tokens.slice(i, j + 1).join(' ')}' could be every Monday or every month`, "Write 'every monday' or 'every month'.");
  const unit = unitOf(tokens[j]);
  if (unit && unit !== 'second' && tokens[j] !== 'm' && tokens[j] !== 'h' && tokens[j] !== 'd' && tokens[j] !== 'w') {
    if (tokens[j] === 'days' || tokens[j] === 'day') {
      // "every day" says which days, like "every weekday".
      group.interval ??= { n: 1, unit: 'day' };
      return j + 1;
    }
    return setInterval(group, { n: 1, unit }, j + 1);
  }
  // "every monday", "every weekday", "every march 1st", "every 5th": the next clause says what. "every" with nothing
  // after it ("every", "every and monday") says no rule: not read as every day.
  if (tokens[j] === undefined || LIST_WORDS.has(tokens[j]!)) throw new GrammarError(`'${tokens.slice(i, j).join(' ')}' does not say what repeats`, tokens[j]);
  return j;
}

/**
 * The minutes said after hours in one interval: "every 1 hour 30 minutes", "every 2 hours and 15 min", "every 1h30m",
 * "every hour and 20 minutes", "every 2 hours and a half". Only 1-59: "every 2 hours and 90 minutes" is not how anyone says a length.
 */
function minutesAfterHours(tokens: readonly string[], k: number): Read<number> | null {
  const from = tokens[k] === 'and' ? k + 1 : k;
  if (from > k && tokens[from] === 'a' && tokens[from + 1] === 'half') return { value: 30, end: from + 2 };
  const minutes = readNumber(tokens, from, { articles: false });
  if (!minutes || !Number.isInteger(minutes.value) || minutes.value < 1 || minutes.value > 59) return null;
  // "every 2h30", "every 1h05 on weekdays": after a compact 'h', two digits are its minutes, as a clock writes them
  // (not a count: "every 2h 10 times").
  const compact = from === k && tokens[k - 1] === 'h' && /^\d{2}$/.test(tokens[from]!) && !unitOf(tokens[minutes.end]) && !/^(?:times|x)$/.test(tokens[minutes.end] ?? '');
  if (compact) return { value: minutes.value, end: minutes.end };
  if (unitOf(tokens[minutes.end]) !== 'minute') return null;
  return { value: minutes.value, end: minutes.end + 1 };
}

function setInterval(group: Group, interval: { n: number; unit: Unit }, end: number): number {
  if (group.interval && (group.interval.unit !== interval.unit || group.interval.n !== interval.n)) {
    throw new GrammarError('A schedule can have one interval', undefined);
  }
  group.interval = interval;
  group.repeats = true;
  return end;
}

/** The note for "semiannually", "half-yearly", "every half year": which halves were chosen. */
const halvesNote = (said: string) => `read '${said}' as 1 January and 1 July; name the dates to choose them, such as 'every march 1st and september 1st'`;

/** "daily", "hourly", "weekly", "monthly", "quarterly", "yearly", "annually", "minutely", "nightly", "half-hourly". */
function readFrequency(tokens: readonly string[], i: number, group: Group): number | null {
  // "4-hourly", "two hourly", as British English writes every 4 hours; "half hourly", "quarter hourly" as with a hyphen.
  const count = readNumber(tokens, i, { articles: false });
  const hourlyAt = count && (tokens[count.end] === '-' ? count.end + 1 : count.end);
  if (count && hourlyAt && tokens[hourlyAt] === 'hourly' && Number.isInteger(count.value) && count.value >= 1) return setInterval(group, { n: count.value, unit: 'hour' }, hourlyAt + 1);
  if ((tokens[i] === 'half' || tokens[i] === 'quarter') && tokens[i + 1] === 'hourly') return setInterval(group, { n: tokens[i] === 'half' ? 30 : 15, unit: 'minute' }, i + 2);
  // "bi-weekly", "semi-annually", "half-hourly": the word with its hyphen.
  const hyphenated = tokens[i + 1] === '-' && Object.hasOwn(FREQUENCY_WORDS, `${tokens[i]}${tokens[i + 2]}`);
  const written = hyphenated ? `${tokens[i]}${tokens[i + 2]}` : tokens[i]!;
  const end = hyphenated ? i + 3 : i + 1;
  const ambiguous = AMBIGUOUS_FREQUENCIES[`${tokens[i]}${tokens[i + 1] === '-' ? (tokens[i + 2] ?? '') : ''}`];
  if (ambiguous) {
    const said = tokens.slice(i, tokens[i + 1] === '-' ? i + 3 : i + 1).join('');
    throw new ClauseConflict(
      `is ambiguous: ${said} means ${ambiguous.readings[0]} or ${ambiguous.readings[1]}, and the tool does not choose`,
      `Write '${ambiguous.instead[0]}' or '${ambiguous.instead[1]}'.`,
      true,
    );
  }
  const word = Object.hasOwn(FREQUENCY_WORDS, written) ? FREQUENCY_WORDS[written] : undefined;
  if (!word) return null;
  if (written === 'biweekly') addNote(group, `read '${tokens.slice(i, end).join('')}' as every 2 weeks; for twice a week write 'twice a week'`);
  group.repeats = true;
  if (written === 'nightly') group.part ??= 'night';
  if (written.startsWith('semiannual') || written === 'halfyearly') addNote(group, halvesNote(tokens.slice(i, end).join('')));
  if (word === 'daily') {
    group.interval ??= { n: 1, unit: 'day' };
    return end;
  }
  return setInterval(group, word, end);
}

/** "once a day", "once a week on sunday", "twice a day", "twice an hour", "once per month", "twice weekly", "three times a week". */
function readTimesPer(tokens: readonly string[], i: number, group: Group): number | null {
  const word = tokens[i];
  // "once every two weeks", "once each day": as "every two weeks".
  if (word === 'once' && (tokens[i + 1] === 'every' || tokens[i + 1] === 'each')) return i + 1;
  let count = word === 'once' ? 1 : word === 'twice' ? 2 : word === 'thrice' ? 3 : undefined;
  let j = i + 1;
  if (count === undefined) {
    const number = readNumber(tokens, i, { articles: false });
    // "5 days a week", "seven days a week": that many days in each week, as "5 times a week".
    if (number && Number.isInteger(number.value) && tokens[number.end] === 'days' && (tokens[number.end + 1] === 'a' || tokens[number.end + 1] === 'per') && tokens[number.end + 2] === 'week') {
      group.repeats = true;
      group.timesPer = { count: number.value, unit: 'week', said: tokens.slice(i, number.end + 3).join(' ') };
      return number.end + 3;
    }
    // "3 times a week", "3x a week", "2x daily".
    if (!number || (tokens[number.end] !== 'times' && tokens[number.end] !== 'x')) return null;
    count = number.value;
    j = number.end + 1;
  }
  // "twice daily", "three times weekly": as "a day", "a week".
  const frequency = FREQUENCY_WORDS[tokens[j] ?? ''];
  const once = (unit: Unit | undefined, end: number | null) => {
    if (end !== null && (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year')) group.once = { unit, said: tokens.slice(i, end).join(' ') };
    return end;
  };
  if (frequency && count === 1) return once(frequency === 'daily' ? 'day' : frequency.n === 1 ? frequency.unit : undefined, readFrequency(tokens, j, group));
  const per = frequency === 'daily' ? 'day' : frequency?.n === 1 ? frequency.unit : undefined;
  if (frequency && !per) return null;
  if (!per && !['a', 'an', 'per', 'each', 'every'].includes(tokens[j] ?? '')) return null;
  // "once a fortnight": as "every fortnight".
  if (count === 1 && !per && lexiconUnit(tokens[j + 1]) === 'fortnight') return setInterval(group, { n: 2, unit: 'week' }, j + 2);
  const unit = per ?? unitOf(tokens[j + 1]);
  const end = per ? j + 1 : j + 2;
  if (!unit || unit === 'second') return null;
  const said = tokens.slice(i, end).join(' ');
  group.repeats = true;
  if (tokens[j] === 'nightly') group.part ??= 'night';
  if (count === 1) {
    if (unit === 'day') group.interval ??= { n: 1, unit: 'day' };
    else setInterval(group, { n: 1, unit }, 0);
    return once(unit, end);
  }
  if (unit === 'day' && timesInADay(count)) {
    group.interval ??= { n: 1, unit: 'day' };
    group.timesADay = { count, said };
    return end;
  }
  if (unit === 'hour' && Number.isInteger(60 / count)) {
    group.timesAnHour = said;
    return setInterval(group, { n: 60 / count, unit: 'minute' }, end);
  }
  if ((unit === 'week' || unit === 'month' || unit === 'year') && Number.isInteger(count) && count > 1) {
    // The days are named later in the phrase, or chosen when the group is built.
    group.timesPer = { count, unit, said };
    return end;
  }
  throw new UsageError(`'${said}' does not say when`, `Name the times or days instead, such as 'every day at 9am and 5pm' or 'every monday and thursday at 9am'.`);
}

/**
 * Local times for "N times a day": spread evenly over the 12 waking hours of "twice a day" (09:00 and
 * 21:00) when that falls on whole hours ("three times a day": 09:00, 15:00, 21:00), else evenly over
 * the whole day from midnight ("8 times a day": every 3 hours); from `start` when the phrase gives
 * one. Null when neither is whole.
 */
export function timesInADay(count: number, start?: ClockTime): ClockTime[] | null {
  if (!Number.isInteger(count) || count < 2) return null;
  const waking = 12 % (count - 1) === 0;
  if (!waking && 24 % count !== 0) return null;
  const step = waking ? 12 / (count - 1) : 24 / count;
  const first = start ?? { hour: waking ? 9 : 0, minute: 0 };
  return Array.from({ length: count }, (_, k) => ({ hour: (first.hour + k * step) % 24, minute: first.minute }));
}

/** "every year on the 100th day", "every 20th monday of the year": the phrase counts through the year, not the month. */
function countsThroughYear(tokens: readonly string[]): boolean {
  return tokens.some((token, k) => token === 'yearly' || token === 'annually' || (token === 'year' && (EACH.has(tokens[k - 1] ?? '') || tokens[k - 1] === 'the')));
}

/** A day or a weekday counted through the year: no cron counts so (its days are the month's), and the date it falls on moves. */
function throughTheYear(said: string, kind: 'day' | 'weekday', day?: number): UsageError {
  if (kind === 'weekday') {
    return new UsageError(
      `a weekday counted through the year ('${said}') cannot be one cron, whose days are the month's, and its date moves from year to year`,
      "Name the month and which one in it, such as 'third monday of may'.",
    );
  }
  if (day === undefined || day > 366) return new UsageError(`a year has at most 366 days; '${said}' never happens`, "Name the date instead, such as 'every april 10th'.");
  const dateOf = (year: number) => {
    const date = new Date(Date.UTC(year, 0, day));
    return { month: MONTH_NAMES[date.getUTCMonth()]!, day: ordinalDay(date.getUTCDate()) };
  };
  const [common, leap] = [dateOf(2027), dateOf(2028)];
  const falls = day === 366 ? `December 31st in a leap year only` : `${common.month} ${common.day}${leap.day === common.day ? '' : `, or ${leap.month} ${leap.day} in a leap year`}`;
  return new UsageError(
    `a day counted through the year ('${said}') cannot be one cron, whose days are the month's: it is ${falls}`,
    `Name the date instead, such as 'every ${(day === 366 ? leap : common).month.toLowerCase()} ${(day === 366 ? leap : common).day}'.`,
  );
}

/**
 * "first monday of the month", "last friday of every month", "2nd tuesday",
 * "last day of the month", "2nd last friday", "second to last friday",
 * "final thursday", and "last" alone after days of the month ("the 1st and last").
 */
function readNth(tokens: readonly string[], i: number, group: Group, seen: Seen): number | null {
  const first = readNthCount(tokens, i);
  if (!first) return null;
  const counts = [first.value];
  let j = first.end;
  // "2nd and 4th tuesday", "first, third and last friday": the counts before one weekday.
  while (LIST_WORDS.has(tokens[j] ?? '')) {
    const k = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    const more = readNthCount(tokens, tokens[k] === 'the' ? k + 1 : k);
    if (!more) break;
    counts.push(more.value);
    j = more.end;
  }
  const kind = nthKind(tokens, j);
  // "1st and 15th", "10th and last friday": days of the month come first, read by their own rule.
  if (counts.length > 1 && (kind === undefined || counts.some((n) => Math.abs(n) > 5))) return null;
  if (counts[0] === -1 && counts.length === 1 && seen.group.monthDays && seen.joined && kind === undefined) {
    // "on the 1st and last (of the month)".
    group.nth = [{ n: -1, weekday: 'day' }];
    return j;
  }
  // "every month on the 4th last": days counted from the month's end.
  const fromEnd = kind === undefined && counts.length === 1 && counts[0]! < -1 && (seen.group.interval?.unit === 'month' || tokens[j] === 'of') ? { weekday: 'day' as const, end: j } : undefined;
  const counted = kind ?? fromEnd;
  if (counted === undefined || (counted.weekday === 'day' && counts.some((n) => n >= 0))) return null;
  // "every 2nd weekday" could be every other one: a workday counted past the first or last needs its month said.
  if (counted.weekday === 'workday' && counts.some((n) => Math.abs(n) > 1) && tokens[counted.end] !== 'of' && tokens[counted.end] !== 'in') return null;
  for (const n of counts) {
    const limit = counted.weekday === 'workday' ? 23 : counted.weekday === 'day' ? 28 : 5;
    if ((n < -limit || n > limit) && countsThroughYear(tokens)) throw throughTheYear(tokens.slice(i, counted.end).join(' '), counted.weekday === 'day' ? 'day' : 'weekday');
    if (n < -limit || n === 0 || n > limit) throw new UsageError(`A month has at most ${limit} of each; '${tokens.slice(i, counted.end).join(' ')}' never happens`);
  }
  // "first monday and wednesday of the month", "2nd, third mon, wed, thu of march": the counts go with every weekday listed.
  const weekdays: Array<Nth['weekday']> = [counted.weekday];
  let listed = counted.end;
  while (typeof counted.weekday === 'number' && LIST_WORDS.has(tokens[listed] ?? '')) {
    const k = tokens[listed] === ',' && tokens[listed + 1] === 'and' ? listed + 2 : listed + 1;
    const day = weekdayOf(tokens[k]);
    if (day === undefined) break;
    weekdays.push(day);
    listed = k + 1;
  }
  if (weekdays.length > 1 && tokens[listed] !== 'of' && tokens[listed] !== 'in') {
    // Without the month after them, "first monday and friday" may as well mean every Friday.
    const said = tokens.slice(i, listed).join(' ').replace(/ ,/g, ',');
    throw new UsageError(`'${said}' does not say whether the count goes with each day`, "Say 'first monday and first friday of the month', or 'first monday and every friday'.");
  }
  group.nth = counts.flatMap((n) => weekdays.map((weekday) => ({ n, weekday })));
  // "first and third monday of the month": several days are no one instant.
  group.repeats ||= group.nth.length > 1;
  j = listed;
  // "every 2nd tuesday", "every second tuesday": the nth of the month, whatever the spelling; it could be every nth week, so said.
  const n = counts[0]!;
  if (
    (tokens[i - 1] === 'every' || tokens[i - 1] === 'each') &&
    counts.length === 1 &&
    weekdays.length === 1 &&
    n > 1 &&
    typeof counted.weekday === 'number' &&
    tokens[j] !== 'of' &&
    tokens[j] !== 'in'
  ) {
    const [day, nth] = [WEEKDAY_NAMES[counted.weekday]!, ['second', 'third', 'fourth', 'fifth'][n - 2]];
    addNote(group, `read '${tokens.slice(i - 1, j).join(' ')}' as the ${nth} ${day} of every month; write 'every ${n} weeks on ${day.toLowerCase()}' for every ${n === 2 ? 'other' : nth} week`);
  }
  if (tokens[j] === 'of' || tokens[j] === 'in') {
    let k = j + 1;
    const every = tokens[k] === 'every' || tokens[k] === 'each';
    if (every || tokens[k] === 'the' || tokens[k] === 'a') k++;
    if (tokens[k] === 'month') {
      // "of every month" repeats; "of the month" alone is also this month's, read as one day where one instant is asked for.
      group.repeats ||= every;
      return k + 1;
    }
    // "of every other month", "of every 3 months": the interval is read next.
    if (every && (tokens[k] === 'other' || readNumber(tokens, k, { articles: false }))) return k - 1;
    const months = readMonthList(tokens, k);
    if (months) {
      group.months = mergeList(group.months, months.value);
      return months.end;
    }
  }
  return j;
}

/** "first", "3rd", "last", "final", "2nd last", "second to last": which one, counted from the start (n > 0) or the end (n < 0). */
function readNthCount(tokens: readonly string[], i: number): Read<number> | null {
  if (tokens[i] === 'last' || tokens[i] === 'final') return { value: -1, end: i + 1 };
  const ordinal = readOrdinal(tokens, i);
  if (!ordinal) return null;
  const j = ordinal.end;
  // "2nd to last friday" counts from the end; "first to last day" is a range, the day-of-month rule's (no one means the last day so).
  const fromEnd = tokens[j] === 'last' ? j + 1 : ((tokens[j] === 'to' && ordinal.value > 1) || tokens[j] === 'from') && tokens[j + 1] === 'last' ? j + 2 : 0;
  return fromEnd ? { value: -ordinal.value, end: fromEnd } : ordinal;
}

/** What an nth counts: a weekday ("friday", "fridays"), "day" (the last day), or "weekday" / "business day" / "working day" (Monday to Friday). */
function nthKind(tokens: readonly string[], j: number): { weekday: Nth['weekday']; end: number } | undefined {
  const weekday = weekdayOf(tokens[j]);
  if (weekday !== undefined) return { weekday, end: j + 1 };
  if (tokens[j] === 'day') return { weekday: 'day', end: j + 1 };
  if (tokens[j] === 'weekday' || tokens[j] === 'workday') return { weekday: 'workday', end: j + 1 };
  if ((tokens[j] === 'business' || tokens[j] === 'working' || tokens[j] === 'work') && tokens[j + 1] === 'day') return { weekday: 'workday', end: j + 2 };
  return undefined;
}

/** "the 1st", "the 5th and 20th", "the 15 of every month", "first of each month". */
function readDayOfMonth(tokens: readonly string[], start: number, group: Group, seen: Seen): number | null {
  // "on days 1, 15": numbers after "days" are days of the month.
  const i = /^days?$/.test(tokens[start] ?? '') && bareDay(tokens, start + 1) ? start + 1 : start;
  const afterThe = tokens[i - 1] === 'the' || i > start;
  // "every 27": a bare number after "every" with nothing else to count is a day of the month.
  // "every 13 and 16 june": days listed before their month are that month's dates (readDate), not days of every month.
  const beforeMonth = (k: number): boolean => (LIST_WORDS.has(tokens[k] ?? '') && bareDay(tokens, k + 1) ? beforeMonth(k + 2) : monthOf(tokens[k]) !== undefined);
  const afterEvery =
    (tokens[i - 1] === 'every' || tokens[i - 1] === 'each') && bareDay(tokens, i) !== null && unitOf(tokens[i + 1]) === undefined && readClock(tokens, i)?.end !== i + 2 && !beforeMonth(i + 1);
  // "every month on 15", "monthly on 20", "every month 15": a bare number after "on" or the month in a monthly rule is its
  // day, not an hour. A number that is more of a clock ("on 10 in the morning", "on 12 noon", "on 9 fifteen") stays a time.
  const bareNumber = (k: number) => bareDay(tokens, k) !== null && unitOf(tokens[k + 1]) === undefined && (readClock(tokens, k)?.end ?? k + 1) === k + 1;
  const onInMonth = (tokens[i - 1] === 'on' || /^months?$|^monthly$/.test(tokens[i - 1] ?? '')) && seen.group.interval?.unit === 'month' && bareNumber(i) && Number(tokens[i]) >= 1;
  // Numbers that could be hours read as days ("every 10th and 20"), each said in a note.
  const bareRead: number[] = [];
  const days: number[] = [];
  let j = i;
  for (;;) {
    const listed = days.length > 0 && /(?:st|nd|rd|th)$/.test(tokens[i]!) && bareNumber(j);
    const ordinal = readOrdinal(tokens, j);
    const day = ordinal ?? (afterThe || afterEvery || onInMonth || listed ? bareDay(tokens, j) : null);
    if (day && !ordinal && !afterThe && (onInMonth || listed) && day.value <= 23) bareRead.push(day.value);
    if (!day) break;
    const after = tokens[day.end];
    // "first monday" is an nth weekday; "march 1st" and "1st of march" are dates.
    if (weekdayOf(after) !== undefined || monthOf(after) !== undefined) return null;
    if (after === 'of' && monthOf(tokens[day.end + 1]) !== undefined && days.length === 0) return null;
    if ((after === 'last' || after === 'to' || after === 'from') && (tokens[day.end + 1] === 'last' || after === 'last') && days.length === 0 && !(day.value === 1 && after === 'to')) return null;
    days.push(day.value);
    j = day.end;
    if (tokens[j] === 'day') j++;
    // "the 25th to the last", "1st through 10th", "10-15", "between the 1st and the 5th".
    const between = (tokens[start - 2] === 'between' || tokens[start - 1] === 'between') && days.length === 1 && tokens[j] === 'and';
    if (RANGE_WORDS.has(tokens[j] ?? '') || between) {
      const k = tokens[j + 1] === 'the' ? j + 2 : j + 1;
      const last = tokens[k] === 'last' ? { value: 31, end: tokens[k + 1] === 'day' ? k + 2 : k + 1 } : (readOrdinal(tokens, k) ?? (afterThe ? bareDay(tokens, k) : null));
      if (between && last && last.value === day.value)
        throw new UsageError(
          `'between the ${ordinalDay(day.value)} and the ${ordinalDay(last.value)}' is no span of days`,
          `Give two days, such as 'between the ${ordinalDay(day.value)} and the ${ordinalDay(Math.min(day.value + 4, 31))}'.`,
        );
      // "from the 28th to the 2nd", "between the 25th and the 5th": over the month's end, to it and on from the 1st.
      if (last && tokens[k] !== 'last' && last.value < day.value && day.value <= 31) {
        const from = tokens[start - 1] === 'the' ? start - 2 : start - 1;
        const said = tokens.slice(tokens[from] === 'from' || between ? from : tokens[start - 1] === 'the' ? start - 1 : start, last.end).join(' ');
        const example = `from december ${day.value} until january ${last.value}`;
        // Days of one month named cannot run over its end: which month's end was meant is not said.
        const monthAfter = tokens[last.end] === 'of' || tokens[last.end] === 'in' ? last.end + 1 : last.end;
        if (seen.group.months || monthOf(tokens[monthAfter]) !== undefined)
          throw new UsageError(`'${said}' runs over a month's end, and the phrase names a month`, `Name both days' months, such as '${example}'.`);
        for (let d = day.value + 1; d <= 31; d++) days.push(d);
        for (let d = 1; d <= last.value; d++) days.push(d);
        group.throughMonthEnd = true;
        const after = last.value === 1 ? 'the 1st' : `1 to ${last.value}`;
        const everyMonth = saysEveryMonth(tokens, last.end) || seen.group.interval?.unit === 'month' ? '' : `${EVERY_MONTH_NOTE}, such as '${example}'`;
        addNote(group, `read '${said}' as days ${day.value} to the month's end and ${after}${everyMonth}`);
        j = last.end;
      } else if (last && last.value > day.value && last.value <= 31) {
        for (let d = day.value + 1; d <= last.value; d++) days.push(d);
        if (tokens[k] === 'last') group.throughMonthEnd = true;
        // "the 1st to the last day of february": a cron's days run to 31 and fire on those the month has, so its end moves with leap years, said.
        const ofMonth = tokens[last.end] === 'of' || tokens[last.end] === 'in' ? monthOf(tokens[last.end + 1]) : undefined;
        if (tokens[k] === 'last' && ofMonth === 2) {
          const said = tokens.slice(tokens[start - 1] === 'the' ? start - 1 : start, last.end + 2).join(' ');
          addNote(group, `read '${said}' as ${day.value === 1 ? 'every day of February' : `February ${day.value}`} to the 28th or, in a leap year, the 29th`);
        }
        // "the 1st to the 10th", "from the 1st to the 10th": with no month said, every month's, which is said ("to the last"
        // says the month's end).
        const opening = tokens[start - 1] === 'the' ? start - 1 : start;
        const opened = tokens[opening - 1] === 'from' || tokens[opening - 1] === 'between';
        if (tokens[k] !== 'last' && seen.group.interval?.unit !== 'month' && !seen.group.months && !saysEveryMonth(tokens, last.end)) {
          const said = tokens.slice(opened ? opening - 1 : opening, last.end).join(' ');
          addNote(group, `read '${said}' as days ${day.value} to ${last.value}${EVERY_MONTH_NOTE}, such as 'from january ${day.value} until january ${last.value}'`);
        }
        // "from the 13th to the 15th of july": said with the words for once, the days of a month named come round every year,
        // which "from july 13 to 15" (a start and an end) does not: said, with how to run them once.
        const named = tokens[last.end] === 'of' || tokens[last.end] === 'in' ? last.end + 1 : last.end;
        const month = monthOf(tokens[named]) ?? (seen.group.months?.length === 1 ? seen.group.months[0] : undefined);
        // Not of several months ("of june and july"), whose days the note would not name.
        const moreMonths = LIST_WORDS.has(tokens[named + 1] ?? '') && monthOf(tokens[named + 2]) !== undefined;
        if (opened && tokens[k] !== 'last' && month !== undefined && !moreMonths && !saysEveryYear(tokens)) {
          const said = tokens.slice(opening - 1, monthOf(tokens[named]) === undefined ? last.end : named + 1).join(' ');
          const name = MONTH_NAMES[month - 1]!;
          addNote(group, `read '${said}' as ${name} ${day.value} to ${last.value}${EVERY_YEAR_NOTE}, such as 'from ${name.toLowerCase()} ${day.value} until ${name.toLowerCase()} ${last.value}'`);
        }
        j = last.end;
      }
    }
    if (LIST_WORDS.has(tokens[j] ?? '')) {
      // "1, 15 and 20", "1st, 15th, and 20th" (a comma before the last 'and' too).
      const next = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
      // "every friday the 13th and the 1st": the weekday's day ends at an "and" that says "the" again; the days after are
      // days of their own, not more days that Friday must fall on ("friday the 1st and 15th" lists them).
      if (tokens[next] === 'the' && weekdayOf(tokens[tokens[i - 1] === 'the' ? i - 2 : i - 1]) !== undefined) break;
      const k = tokens[next] === 'the' ? next + 1 : next;
      // "every 10th and 20", "every 5 and 20 of the month": the next number is a day as the first was.
      const bareListed = (/(?:st|nd|rd|th)$/.test(tokens[i]!) || (afterEvery && tokens[k + 1] === 'of')) && bareNumber(k) && tokens[k - 1] !== 'at';
      if (readOrdinal(tokens, k) || ((afterThe || onInMonth || bareListed) && bareDay(tokens, k))) {
        j = k;
        continue;
      }
    }
    break;
  }
  if (days.length === 0) return null;
  // A lone ordinal word is a day of the month only as "the first" or "first of each month".
  if (/^[a-z]/.test(tokens[i]!) && !afterThe && tokens[j] !== 'of' && seen.group.interval?.unit !== 'month') return null;
  // "the 30th day of the year": counted through the year as the 100th is, though a month has a 30th.
  const of = tokens[j] === 'day' ? j + 1 : tokens[j - 1] === 'day' ? j : -1;
  const ofTheYear = of > 0 && tokens[of] === 'of' && ['the', 'every', 'each'].includes(tokens[of + 1] ?? '') && tokens[of + 2] === 'year';
  if (ofTheYear && days.length === 1) throw throughTheYear(`${ordinalDay(days[0]!)} day`, 'day', days[0]);
  for (const day of days) {
    if (day > 31 && countsThroughYear(tokens)) throw throughTheYear(`${ordinalDay(day)} day`, 'day', day);
    if (day < 1 || day > 31) throw new UsageError(`Day of month ${day} is out of range (1-31)`);
  }
  if (afterEvery) addNote(group, `read 'every ${tokens[i]}' as day ${tokens[i]} of every month; write 'every ${tokens[i]} minutes' for an interval`);
  for (const day of bareRead) addNote(group, `read '${day}' as the ${ordinalDay(day)} of the month; write '${day > 12 ? `at ${formatClock(day, 0)}` : `at ${day}am' or 'at ${day}pm`}' for the time`);
  group.monthDays = mergeList(group.monthDays, days);
  // "on the 1st and 15th": several days of the month are no one instant.
  group.repeats ||= afterEvery || days.length > 1;
  return j;
}

const EVERY_MONTH_NOTE = ' of every month; to run them once, name their month';
const EVERY_YEAR_NOTE = ' of every year; to run them once, give each day its month';

/**
 * The note that a range of days of the month repeats every month (or, of a month named, every year): not said of a rule
 * whose phrase bounds it ("this month", "until dec 31").
 */
export function isEveryMonthNote(note: string): boolean {
  return note.includes(EVERY_MONTH_NOTE) || note.includes(EVERY_YEAR_NOTE);
}

/** "of every month", "of the month", "each month", "monthly", or a month named ("of december") at `j`: days whose months are said. */
function saysEveryMonth(tokens: readonly string[], j: number): boolean {
  const k = tokens[j] === 'of' || tokens[j] === 'in' ? j + 1 : j;
  // "of december", "in june", "july": the month is named, so the days are that month's.
  if (monthOf(tokens[k]) !== undefined) return true;
  return tokens[j] === 'monthly' || (/^(?:every|each|the)$/.test(tokens[k] ?? '') && tokens[k + 1] === 'month') || (k > j && tokens[k] === 'month');
}

function bareDay(tokens: readonly string[], j: number): Read<number> | null {
  return /^\d{1,2}$/.test(tokens[j] ?? '') && !/^(?:am|pm|h|oclock)$/.test(tokens[j + 1] ?? '') ? { value: Number(tokens[j]), end: j + 1 } : null;
}

/** "march 1st", "march 1", "october 31st", "1st of march", "25 december", "dec 25". */
function readDate(tokens: readonly string[], i: number, group: Group): number | null {
  let month = monthOf(tokens[i]);
  let day: Read<number> | null = null;
  /** Days listed before the first, its month after them. */
  const days: number[] = [];
  let end: number;
  if (month !== undefined) {
    let j = i + 1;
    if (tokens[j] === 'the') j++;
    day = readOrdinal(tokens, j) ?? bareDay(tokens, j);
    if (!day) return null;
    end = day.end;
  } else {
    day = readOrdinal(tokens, i) ?? bareDay(tokens, i);
    if (!day) return null;
    let j = day.end;
    // "13 and 16 june", "the 1st, 15th and 20th of march": days listed before their month are each its day.
    while (LIST_WORDS.has(tokens[j] ?? '')) {
      const k = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
      const next = readOrdinal(tokens, k) ?? bareDay(tokens, k);
      if (!next) break;
      days.push(next.value);
      j = next.end;
    }
    if (tokens[j] === 'of') j++;
    month = monthOf(tokens[j]);
    if (month === undefined) return null;
    end = j + 1;
  }
  days.unshift(day.value);
  const months = [month];
  // "the 1st of january, april, july and october": the day in each month listed (a month with its own day starts a new date).
  if (!monthOf(tokens[i])) {
    for (;;) {
      const k = tokens[end] === ',' && tokens[end + 1] === 'and' ? end + 2 : end + 1;
      const more = LIST_WORDS.has(tokens[end] ?? '') ? monthOf(tokens[k]) : undefined;
      if (more === undefined || readOrdinal(tokens, k + 1) || bareDay(tokens, k + 1)) break;
      months.push(more);
      end = k + 1;
    }
  }
  for (const each of months) {
    const limit = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][each - 1]!;
    for (const value of days) if (value < 1 || value > limit) throw new UsageError(`${MONTH_NAMES[each - 1]} has no day ${value}`);
  }
  group.dates = [...(group.dates ?? []), ...months.flatMap((each) => days.map((value) => ({ month: each, day: value })))];
  if (LIST_WORDS.has(tokens[end] ?? '') && (monthOf(tokens[end + 1]) !== undefined || readOrdinal(tokens, end + 1) || bareDay(tokens, end + 1))) {
    const next = readDate(tokens, end + 1, group);
    if (next !== null) return next;
    // "december 21st and 31st", "aug 20 and 30": a day alone after a date is in the same month.
    const more = readOrdinal(tokens, end + 1) ?? bareDay(tokens, end + 1);
    if (more && monthOf(tokens[more.end]) === undefined && tokens[more.end] !== 'of' && weekdayOf(tokens[more.end]) === undefined) {
      const read = readDate([MONTH_NAMES[month - 1]!.toLowerCase(), ...tokens.slice(end + 1)], 0, group);
      if (read !== null) return end + read;
    }
  }
  return end;
}

/**
 * "the monday before may 25th" (Victoria Day), which the reader of one instant reads, as the rule reads it: that weekday
 * within the seven days before the date ("monday the 18th to the 24th of may"), where the phrase repeats it. Not beside
 * other days joined by 'and', whose days a list would run together with these.
 */
function weekdayBeforeAsSpan(date: readonly string[], tokens: readonly string[]): readonly string[] {
  const day = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(date[4] ?? '');
  if (date[0] !== 'the' || weekdayOf(date[1]) === undefined || date[2] !== 'before' || monthOf(date[3]) === undefined || !day || Number(day[1]) < 9) return date;
  if (tokens.some((token) => token === 'and' || token === '&')) return date;
  // "victoria day" alone is one instant (a span of days would repeat it): only a phrase that repeats reads it as its rule.
  if (!tokens.some((token) => /^(?:every|each|yearly|annually|year|years)$/.test(token))) return date;
  const last = Number(day[1]) - 1;
  return [date[1]!, 'the', ordinalDay(last - 6), 'to', 'the', ordinalDay(last), 'of', date[3]!];
}

/** The weekdays of "monday through thursday", "tue-thu", "mon, wed and fri", "weekdays", "weekends", or null. */
/** `ownRule`: days after "and every" are a rule of their own, not more of this list ("every other monday and every friday"). */
export function readDaySet(tokens: readonly string[], start: number, ownRule = false): Read<number[]> | null {
  let j = start;
  if (['on', 'every', 'each'].includes(tokens[j] ?? '')) j++;
  const days = new Set<number>();
  let read = false;
  for (;;) {
    const token = tokens[j];
    if (token === undefined) break;
    if (/^(?:week ?days?|workdays?|weekdays?)$/.test(token) || (['business', 'work', 'working'].includes(token) && /^days?$/.test(tokens[j + 1] ?? ''))) {
      [1, 2, 3, 4, 5].forEach((d) => days.add(d));
      j += /^(?:business|work|working)$/.test(token) ? 2 : 1;
    } else if (/^weekends?$/.test(token)) {
      days.add(0);
      days.add(6);
      j++;
      if (/^days?$/.test(tokens[j] ?? '')) j++;
    } else {
      const first = weekdayOf(token);
      if (first === undefined) break;
      j++;
      const last = RANGE_WORDS.has(tokens[j] ?? '') ? weekdayOf(tokens[j + 1]) : undefined;
      if (last !== undefined) {
        for (let d = first; ; d = (d + 1) % 7) {
          days.add(d);
          if (d === last) break;
        }
        j += 2;
      } else {
        days.add(first);
      }
    }
    read = true;
    if (LIST_WORDS.has(tokens[j] ?? '') || tokens[j] === '/') {
      let k = j + 1;
      if (LIST_WORDS.has(tokens[k] ?? '')) k++;
      if (ownRule && EACH.has(tokens[k] ?? '')) break;
      if (tokens[k] === 'on' || tokens[k] === 'every') k++;
      if (weekdayOf(tokens[k]) !== undefined || /^(?:weekdays?|weekends?)$/.test(tokens[k] ?? '')) {
        j = k;
        continue;
      }
    }
    break;
  }
  return read ? { value: [...days].sort((a, b) => a - b), end: j } : null;
}

/**
 * "daily at 9am and 5pm on fridays", "... in december": days or months said after every day's list of times are those of
 * every time, said, as some mean the first every day ("every day at 9am on weekdays" is plain; a comma or "only" with
 * them, "daily, weekdays only", says so itself).
 */
function noteAfterEveryDaysTimes(before: Group | undefined, tokens: readonly string[], i: number, end: number, what: 'days' | 'months'): void {
  if (!before || before.times.length < 2 || before.months !== undefined || DAY_KINDS.some((kind) => before[kind] !== undefined) || !before.repeats) return;
  if ((before.interval && !isDaily(before.interval)) || tokens[end] === 'only' || tokens.slice(Math.max(0, i - 2), i).some((token) => token === ',' || token === 'only' || token === 'just')) return;
  if (!tokens.slice(0, i).some((_, k) => saysEveryDay(tokens, k))) return;
  const said = tokens.slice(i, end).join(' ');
  const on = what === 'days' ? 'on' : 'in';
  addNote(
    before,
    `read '${said}' as the ${what} of every time said before ${what === 'days' ? 'them' : 'it'}; for the first every day and the others ${on} ${said} alone, give each its own, such as 'every day at 9am and at 5pm ${on} ${said}'`,
  );
}

function readDays(tokens: readonly string[], i: number, group: Group, seen?: Seen): number | null {
  // "every other monday and every friday": Fridays said with "every" of their own are a weekly rule beside the fortnightly
  // one, not more of its days (they fired every other Friday).
  const interval = seen?.group.interval;
  const set = readDaySet(tokens, i, interval !== undefined && interval.unit === 'week' && interval.n > 1);
  if (!set) return null;
  if (set.value.length < 7) noteAfterEveryDaysTimes(seen?.group, tokens, i, set.end, 'days');
  group.weekdays = mergeList(group.weekdays, set.value);
  let j = set.end;
  // "mondays", "weekdays", "tue-thu", "monday and friday" repeat; "monday" alone is one day (in a one-time phrase).
  const said = tokens.slice(i, j);
  // "every friday until tuesday" could be every Friday up to Tuesday: read as the days Friday to Tuesday, said.
  const untilAt = said.findIndex((t, k) => k > 0 && /^(?:until|till|til)$/.test(t) && weekdayOf(said[k - 1]) !== undefined);
  if (untilAt > 0 && (EACH.has(tokens[i + untilAt - 2] ?? '') || PLURAL_DAYS.test(said[untilAt - 1]!))) {
    const [first, last] = [WEEKDAY_NAMES[weekdayOf(said[untilAt - 1])!]!, WEEKDAY_NAMES[weekdayOf(said[untilAt + 1])!]!];
    addNote(group, `read '${said.slice(untilAt - 1, untilAt + 2).join(' ')}' as every day from ${first} to ${last}, not every ${first} up to a ${last}; for an end, give its date with --until`);
  }
  // "weekend at 10" alone is the coming weekend, as "the weekend" is; "weekends", "every weekend" repeat.
  const weekendAlone = said.length === 1 && said[0] === 'weekend' && !/^(?:mornings|afternoons|evenings|nights)$/.test(tokens[j] ?? '');
  if (!weekendAlone && (set.value.length > 1 || said.some((t) => /^(?:[a-z]+days|weekends?|workdays?|every|each)$/.test(t) && t !== 'days'))) group.repeats = true;
  // "every weekday morning", "monday evenings".
  const part = partOfDay(tokens[j]);
  if (part) {
    group.part = part;
    group.repeats ||= isPluralPart(tokens[j]);
    j++;
  }
  return j;
}

function readMonthList(tokens: readonly string[], start: number): Read<number[]> | null {
  const months = new Set<number>();
  let j = start;
  for (;;) {
    const first = monthOf(tokens[j]);
    if (first === undefined) break;
    j++;
    const last = RANGE_WORDS.has(tokens[j] ?? '') ? monthOf(tokens[j + 1]) : undefined;
    if (last !== undefined) {
      for (let m = first; ; m = (m % 12) + 1) {
        months.add(m);
        if (m === last) break;
      }
      j += 2;
    } else months.add(first);
    if (LIST_WORDS.has(tokens[j] ?? '') && monthOf(tokens[j + 1] === 'and' ? tokens[j + 2] : tokens[j + 1]) !== undefined) {
      j += tokens[j + 1] === 'and' ? 2 : 1;
      continue;
    }
    break;
  }
  return months.size > 0 ? { value: [...months].sort((a, b) => a - b), end: j } : null;
}

/** "in june", "in june and july", "january through march" (a month alone is a limit; with a day it is a date, read before this). */
function readMonths(tokens: readonly string[], i: number, group: Group, seen?: Seen): number | null {
  const list = readMonthList(tokens, i);
  if (!list) return null;
  noteAfterEveryDaysTimes(seen?.group, tokens, i, list.end, 'months');
  group.months = mergeList(group.months, list.value);
  // Months (crontab.guru's "in every month from january through june") come round again: the phrase repeats.
  group.repeats ||= list.value.length > 1;
  return list.end;
}

/**
 * "between 9am and 5pm", "from 9 to 17", "from 8:30 until noon", "9-5",
 * "after 9am and before 5pm", "from 9 till 5". The end is the last fire
 * ("every 30 minutes from 9 to 5" ends at 17:00), but for one said with "before", which it leaves out. Ends without am/pm follow
 * `settleClock`, except that an end before the start is in the afternoon
 * ("from 9 to 5") and a start takes the end's am/pm when that keeps it first
 * ("from 10 to 2pm"); each choice is a note.
 */
function readWindow(tokens: readonly string[], i: number, group: Group, seen: Seen): number | null {
  // Without "between", "from" or "after", a range of hours ("every hour 9-17", "9 to 5") is a window only when an end follows.
  const lead = tokens[i] === 'between' || tokens[i] === 'from' || tokens[i] === 'after' || tokens[i] === 'during';
  const interval = seen.group.interval;
  const everyFew = interval !== undefined && (interval.unit === 'minute' || interval.unit === 'hour');
  if (everyFew && (tokens[i] === 'before' || tokens[i] === 'until' || tokens[i] === 'till' || tokens[i] === 'til')) return readWindowEnd(tokens, i, group, seen);
  const from = readClock(tokens, lead ? i + 1 : i, { bareOffsets: false });
  if (!from) return null;
  let k = from.end;
  if (tokens[i] === 'after' && tokens[k] === 'and' && tokens[k + 1] === 'before') k++;
  const joiner = tokens[k];
  const joins = tokens[i] === 'between' ? joiner === 'and' || joiner === '-' : RANGE_WORDS.has(joiner ?? '') || (tokens[i] === 'after' && joiner === 'before');
  const to = joins ? readClock(tokens, k + 1, { bareOffsets: false }) : null;
  if (!to) {
    if (tokens[i] === 'after' && everyFew) {
      // "every hour after 5pm": from then to the end of the day.
      const start = from.ambiguous ? settleClock(from).value : from.value;
      if (from.ambiguous) addNote(group, clockNote(from, start));
      group.window = { from: start.hour * 60 + start.minute, to: DAY_END };
      addNote(group, `read '${tokens.slice(i, from.end).join(' ')}' as from ${formatClock(start.hour, start.minute)} to the end of the day, ${formatClock(start.hour, start.minute)} included`);
      return from.end;
    }
    if (tokens[i] === 'from' && interval) {
      // "every 2 hours from 8am": where the interval starts counting.
      group.times.push(from);
      return from.end;
    }
    return null;
  }
  const minutes = (t: { hour: number; minute: number }) => t.hour * 60 + t.minute;
  let start = from.value;
  const twentyFour = from.ambiguous && onTwentyFourHourClock(to) ? asTwentyFourHour(from, to) : null;
  if (twentyFour) {
    // "between 7:00 and 22:00": the start is on the end's 24-hour clock.
    start = twentyFour.value;
    addNote(group, twentyFour.note);
  } else if (from.ambiguous && !to.ambiguous) {
    // "from 10 to 2pm": the start takes whichever of am and pm puts it before the end.
    const pm = { ...start, hour: (start.hour % 12) + 12 };
    const am = { ...start, hour: start.hour % 12 };
    start = minutes(pm) < minutes(to.value) ? pm : minutes(am) < minutes(to.value) ? am : settleClock(from).value;
  } else if (from.ambiguous) start = settleClock(from).value;
  const end = to.ambiguous ? endAfter(to, minutes(start)) : to.value;
  if (from.ambiguous && !twentyFour) addNote(group, clockNote(from, start));
  if (to.ambiguous) addNote(group, clockNote(to, end));
  if (minutes(end) === minutes(start)) {
    throw new ClauseConflict(
      `gives a window that starts and ends at ${formatClock(start.hour, start.minute)}, so it has no length`,
      "Give an end after the start, such as 'from 9am to 5pm', or a time alone for once a day, such as 'every day at 9am'.",
      true,
    );
  }
  group.window = { from: minutes(start), to: joiner === 'before' ? lastBefore(minutes(end)) : minutes(end) };
  return to.end;
}

/** The last minute before `end` ("before 5pm" leaves 17:00 out); before midnight, the day's last. */
function lastBefore(end: number): number {
  return end === 0 ? DAY_END : end - 1;
}

/**
 * A window's end without am/pm, read by `settleClock` unless that puts it at or before the start: then the
 * afternoon's when that is after the start ("from 9 to 5" ends at 17:00), else the morning's, past midnight
 * ("from 7pm to 7" ends at 07:00, not at 19:00, which would leave no window).
 */
function endAfter(to: ClockRead, start: number): ClockTime {
  const settled = settleClock(to).value;
  if (settled.hour * 60 + settled.minute > start || to.value.hour >= 12) return settled;
  const pm = { ...to.value, hour: (to.value.hour % 12) + 12 };
  return pm.hour * 60 + pm.minute > start ? pm : { ...to.value, hour: to.value.hour % 12 };
}

/** The day's last minute: a window open at its end runs to it. */
const DAY_END = 23 * 60 + 59;

/**
 * A window given by its end alone: "every hour before noon" (from the day's
 * start), "every hour starting at 9am until 5pm" (from the interval's start).
 * The end is the last fire, as in a window with both ends; "before" leaves it out.
 */
function readWindowEnd(tokens: readonly string[], i: number, group: Group, seen: Seen): number | null {
  const to = readClock(tokens, i + 1, { bareOffsets: false });
  if (!to) return null;
  const until = tokens[i] !== 'before';
  const start = seen.group.times.length === 1 ? seen.group.times[0]!.value : undefined;
  if (until && start === undefined) return null;
  const from = start ? start.hour * 60 + start.minute : 0;
  const end = to.ambiguous ? endAfter(to, from) : to.value;
  if (to.ambiguous) addNote(group, clockNote(to, end));
  if (!until) {
    const said = `read '${tokens.slice(i, to.end).join(' ')}' as from ${formatClock(Math.floor(from / 60), from % 60)}`;
    const endText = formatClock(end.hour, end.minute);
    addNote(group, end.hour === 0 && end.minute === 0 ? `${said} to the end of the day` : `${said} until ${endText}, ${endText} left out`);
  }
  group.window = { from, to: until ? end.hour * 60 + end.minute : lastBefore(end.hour * 60 + end.minute) };
  return to.end;
}

function addNote(group: Group, note: string) {
  group.notes = [...(group.notes ?? []), note];
}

/**
 * "the first and third weeks of the month": days 1-7 and 15-21, with a note (a calendar week that
 * holds the 1st is the other reading). Only the first four: "the last week" has no fixed days.
 */
function readWeeksOfMonth(tokens: readonly string[], start: number, group: Group): number | null {
  const read = weeksOfMonthAt(tokens, tokens[start] === 'in' || tokens[start] === 'during' || tokens[start] === 'on' ? start + 1 : start);
  if (!read || read.value.includes(-1)) return null;
  const said = tokens.slice(start, read.end).join(' ');
  group.monthDays = read.value.flatMap((week) => [...Array(7).keys()].map((k) => 7 * (week - 1) + k + 1));
  const ranges = read.value.map((week) => `${7 * week - 6}-${7 * week}`);
  addNote(group, `read '${said}' as days ${listText(ranges)} of the month; for the calendar weeks name the days, such as 'on days ${ranges[0]}'`);
  return read.end;
}

/** "the first and third weeks of the month", "the last week of each month": the weeks (1-4, -1 for the last), or null. */
function weeksOfMonthAt(tokens: readonly string[], start: number): Read<number[]> | null {
  let j = tokens[start] === 'the' ? start + 1 : start;
  const weeks: number[] = [];
  for (;;) {
    const week = tokens[j] === 'last' ? { value: -1, end: j + 1 } : readOrdinal(tokens, j);
    if (!week || week.value === 0 || week.value > 4) return null;
    weeks.push(week.value);
    j = week.end;
    if (!LIST_WORDS.has(tokens[j] ?? '')) break;
    j = tokens[j] === ',' && tokens[j + 1] === 'and' ? j + 2 : j + 1;
    if (tokens[j] === 'the') j++;
  }
  if (!/^weeks?$/.test(tokens[j] ?? '') || !(tokens[j + 1] === 'of' || tokens[j + 1] === 'in')) return null;
  j += 2;
  if (tokens[j] === 'the' || EACH.has(tokens[j] ?? '')) j++;
  return tokens[j] === 'month' ? { value: weeks, end: j + 1 } : null;
}

/**
 * "every monday of the first and third weeks of the month": a weekday in those weeks (days 1-7,
 * 15-21; the last seven days) is that weekday counted in the month, "the 1st and 3rd monday".
 */
function weekdayInWeeksOfMonth(tokens: readonly string[], k: number, notes: string[]): { words: string[]; end: number } | null {
  const weekday = weekdayOf(tokens[k]);
  if (weekday === undefined || !['of', 'in', 'during', 'on'].includes(tokens[k + 1] ?? '')) return null;
  const weeks = weeksOfMonthAt(tokens, k + 2);
  if (!weeks) return null;
  const ordinal = (n: number) => (n === -1 ? 'last' : `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`);
  const nth = weeks.value.map(ordinal);
  const name = WEEKDAY_NAMES[weekday]!.toLowerCase();
  notes.push(`read '${tokens.slice(k, weeks.end).join(' ')}' as the ${listText(nth)} ${WEEKDAY_NAMES[weekday]} of the month; for the calendar weeks name the days instead`);
  return { words: [...nth.flatMap((word, n) => (n === 0 ? [word] : ['and', word])), name, 'of', 'the', 'month'], end: weeks.end };
}

/** A new group on the days of `group` ("every weekday morning at 8 and evening at 6": the evening is on weekdays too). */
function sameDays(group: Group): Group {
  const { interval, weekdays, monthDays, dates, nth, months, exceptWeekdays, exceptMonths, workdays, bothDays, throughMonthEnd } = group;
  const days = { weekdays, monthDays, dates, nth, months, exceptWeekdays, exceptMonths, workdays, bothDays, throughMonthEnd };
  // (startsOtherPart allows no interval but every day's.)
  const said = Object.entries({ ...days, interval }).filter(([, value]) => value !== undefined);
  return Object.assign(newGroup(), Object.fromEntries(said), { repeats: true });
}

/** "every morning at 8 and evening at 6": another part of the day with its own time after a timed one, a rule of its own. */
function startsOtherPart(tokens: readonly string[], i: number, group: Group): boolean {
  const part = partOfDay(tokens[i]);
  // Not after an interval counted in days or more ("every other day in the morning at 8 and ..."): two rules would count it apart;
  // nor with days or months said after it ("... and evening at 6 on weekdays"): whether they are both rules' is not said.
  if (group.interval && !isDaily(group.interval)) return false;
  if (tokens.slice(i).some((token) => isDaysWord(token) || monthOf(token) !== undefined || token === 'except' || /^(?:\d+(?:st|nd|rd|th)|day|days)$/.test(token))) return false;
  return group.part !== undefined && part !== undefined && part !== group.part && tokens[i] !== 'tonight' && (tokens[i + 1] === 'at' || readClock(tokens, i + 1) !== null);
}

/** "morning", "in the evening", "at night", "every night". */
function readPart(tokens: readonly string[], i: number, group: Group): number | null {
  const part = partOfDay(tokens[i]);
  // "tonight" is this night only, one instant as "today at 5pm" is, never every night.
  if (!part || tokens[i] === 'tonight') return null;
  group.part = part;
  group.repeats ||= isPluralPart(tokens[i]);
  return i + 1;
}

/** "mornings", "friday evenings": a part of the day said in the plural comes round again, as "mondays" does. */
function isPluralPart(token: string | undefined): boolean {
  return partOfDay(token) !== undefined && token!.endsWith('s');
}

/** "at :30", "at 15 minutes past the hour", "at minute 15", "at half past the hour", "hourly at 15". */
function readMinuteOfHour(tokens: readonly string[], i: number, group: Group, seen: Seen): number | null {
  // "at a quarter past the hour", "every hour at a quarter to": as without "a".
  if (tokens[i] === 'a' && tokens[i + 1] === 'quarter') return readMinuteOfHour(tokens, i + 1, group, seen);
  const token = tokens[i] ?? '';
  let minute: number;
  let end: number;
  if (/^:\d{1,2}$/.test(token)) {
    minute = Number(token.slice(1));
    end = i + 1;
  } else if ((token === 'minute' || token === 'min') && /^\d{1,2}$/.test(tokens[i + 1] ?? '')) {
    minute = Number(tokens[i + 1]);
    end = i + 2;
  } else {
    const spoken = token === 'half' ? { value: 30, end: i + 1 } : token === 'quarter' ? { value: 15, end: i + 1 } : readNumber(tokens, i, { articles: false });
    if (!spoken) return null;
    let j = spoken.end;
    if (/^(?:minutes?|mins?)$/.test(tokens[j] ?? '')) j++;
    const before = ['to', 'till', 'til', 'before'].includes(tokens[j] ?? '') && spoken.value > 0 && spoken.value < 60;
    if (tokens[j] === 'past' || tokens[j] === 'after' || before) {
      // "20 past 6" is a clock; only "past the hour" or "past each hour" is a minute of the hour ("half past" and
      // "quarter to" alone, with an interval of hours). "quarter to every hour" is :45.
      if (tokens[j + 1] === 'the' && tokens[j + 2] === 'hour') {
        // "at 5 minutes past the hour" comes round every hour.
        group.repeats = true;
        j += 3;
      } else if (EACH.has(tokens[j + 1] ?? '') && tokens[j + 2] === 'hour') {
        // "past every hour" says the interval too.
        setInterval(group, { n: 1, unit: 'hour' }, 0);
        j += 3;
      } else if (seen.group.interval?.unit === 'hour' && !readClock(tokens, j + 1)) j += 1;
      else return null;
    } else {
      // "hourly at 15", "every hour at 15 minutes": with an hourly interval, a bare number is the minute.
      const clockLike = /^(?:am|pm|p|oclock|h)$/.test(tokens[j] ?? '');
      if (!hourly(seen) || clockLike || !/^\d{1,2}$/.test(token)) return null;
    }
    minute = before ? 60 - spoken.value : spoken.value;
    end = j;
  }
  if (!Number.isInteger(minute) || minute > 59) {
    throw new UsageError(`'${tokens.slice(i, end).join(' ')}' is not a minute past the hour: minute ${minute} is out of range (0-59)`, "Try 'every hour at :30'.");
  }
  group.minuteOfHour = minute;
  return end;
}

/**
 * A list of times: "9am", "9:00 and 17:30", "8, 12 and 6pm". With `at` any
 * clock reads; without it, only one that cannot be a count ("9am", "14:30", "noon").
 */
/**
 * `before`: the group the times follow, for a four-digit time after its days. `rule`: the group read so far, whose times
 * these are; a time restated with days of its own after it ("every day at noon and at 6pm on fridays") ends the list, as a
 * part of its own (startsTimedDays).
 */
function readTimes(tokens: readonly string[], i: number, group: Group, at: boolean, before?: Group, rule?: Group): number | null {
  const first = readClock(tokens, i) ?? (before ? fourDigitAfterDays(tokens, i, before) : null);
  if (!first) return null;
  if (
    !at &&
    first.ambiguous &&
    !/[:.h]/.test(tokens[i]!) &&
    tokens[first.end - 1] !== 'oclock' &&
    !/^(?:half|quarter)$/.test(tokens[i]!) &&
    !(tokens.slice(0, i).every((token) => LEADING_FILLER.has(token)) && daysAfterClock(tokens, first.end))
  )
    return null;
  // "at 5 minutes past the hour" is read by the minute-of-hour clause; a bare count followed by a unit is no time.
  if (unitOf(tokens[first.end]) && first.ambiguous && tokens[first.end] !== 'h') return null;
  if (!at) noteClockAfterEvery(tokens, i, first, group);
  const times: ClockRead[] = [first];
  let j = first.end;
  while (LIST_WORDS.has(tokens[j] ?? '')) {
    let k = j + 1;
    if (tokens[k] === 'at' || tokens[k] === '@') k++;
    const next = readClock(tokens, k);
    if (!next || (unitOf(tokens[next.end]) && next.ambiguous)) break;
    if (rule && k > j + 1 && startsTimedDays(tokens, j + 1, { ...rule, times: [...rule.times, ...times] })) break;
    times.push(next);
    j = next.end;
  }
  const minutes = (time: ClockTime) => time.hour * 60 + time.minute;
  // The times decided here, said in the list's order once all are.
  const decided = new Set<ClockRead>();
  const decide = (time: ClockRead, value: ClockTime) => {
    time.value = value;
    time.ambiguous = false;
    decided.add(time);
  };
  // "at 8 and 10 am", "at 9, 1 and 5pm": an am/pm after the list covers the times before it written without one, from the
  // end back, while that keeps them in order (as a window's start takes its end's); "9 and 5pm" is 09:00, by the rule.
  // So does a part of the day after the last ("at 1 and 3 in the morning", "at 9 and 11 at night").
  const lastToken = tokens[j - 1];
  const partAfter = tokens[j - 2] === 'the' || tokens[j - 2] === 'at' ? partOfDay(lastToken) : undefined;
  const pmOf = (hour: number) => (partAfter === 'night' ? hour >= 5 && hour < 12 : partAfter ? partAfter !== 'morning' : lastToken === 'pm');
  if (lastToken === 'am' || lastToken === 'pm' || (partAfter && !times.at(-1)!.ambiguous)) {
    for (let k = times.length - 2; k >= 0 && times[k]!.ambiguous; k--) {
      const { value } = times[k]!;
      // "at night" covers the evening's hours only when both are in it ("at 9 and 11 at night"; "at 3 and 5 at night" is not said).
      if (partAfter === 'night' && (!pmOf(value.hour) || !pmOf(times[k + 1]!.written))) break;
      const covered = { ...value, hour: (value.hour % 12) + (pmOf(value.hour) ? 12 : 0) };
      if (minutes(covered) >= minutes(times[k + 1]!.value)) break;
      decide(times[k]!, covered);
    }
  }
  // "at 9 and 5", "at 4 and 6": a later time without am/pm is read after the one before it (settleTimes).
  for (const time of times.slice(1)) time.listed = true;
  for (const time of times) if (decided.has(time)) addNote(group, clockNote(time, time.value));
  group.times.push(...times);
  group.clockTimes = true;
  return j;
}

/**
 * A clock right after "every" with no am/pm, "every 1:30": a time of day each day, though it may be meant as a span
 * (1 hour 30 minutes); said, with how to write the interval.
 */
function noteClockAfterEvery(tokens: readonly string[], i: number, time: ClockRead, group: Group): void {
  const span = /^(\d{1,2})[:.](\d\d)$/.exec(tokens.slice(i, time.end).join(' '));
  if (!span || !EACH.has(tokens[i - 1] ?? '') || Number(span[1]) > 12) return;
  const [hours, minutes] = [Number(span[1]), Number(span[2])];
  const amounts = [hours && `${hours} hour${hours === 1 ? '' : 's'}`, minutes && `${minutes} minute${minutes === 1 ? '' : 's'}`].filter(Boolean);
  if (amounts.length > 0) addNote(group, `read '${tokens[i - 1]} ${span[0]}' as a time of day; for an interval write 'every ${amounts.join(' ')}'`);
}

/**
 * "every mon-fri 1730": hours and minutes as one number after the days, on the 24-hour clock. Not one
 * that could be a year (19xx, 20xx), nor one in a date ("2027-06-30").
 */
function fourDigitAfterDays(tokens: readonly string[], i: number, group: Group): ClockRead | null {
  const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(tokens[i] ?? '');
  const days = group.weekdays !== undefined || (group.interval !== undefined && isDaily(group.interval));
  if (!m || /^(?:19|20)/.test(tokens[i]!) || !days || [tokens[i - 1], tokens[i + 1]].some((token) => token === '-' || token === '/')) return null;
  return { value: { hour: Number(m[1]), minute: Number(m[2]) }, end: i + 1, ambiguous: false, written: Number(m[1]), text: tokens[i]! };
}

function mergeList(existing: number[] | undefined, added: number[]): number[] {
  return [...new Set([...(existing ?? []), ...added])].sort((a, b) => a - b);
}

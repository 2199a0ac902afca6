import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { resolveZone } from '../../src/time/zone-names';
import { checkZone, offsetMinutes } from '../../src/time/zone';

const WINTER = Date.parse('2026-01-15T12:00:00Z');
const SUMMER = Date.parse('2026-07-15T12:00:00Z');

function thrown(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('zone names people type resolve to the database spelling', () => {
  it.each([
    // IANA names in any case, and links
    ['America/New_York', 'America/New_York'],
    ['America/New_york', 'America/New_York'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['Europe/LONDON', 'Europe/London'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['asia/kathmandu', 'Asia/Kathmandu'],
    ['pacific/chatham', 'Pacific/Chatham'],
    ['US/EASTERN', 'America/New_York'],
    // Abbreviations and short city names in everyday use
    ['SAST', 'Africa/Johannesburg'],
    ['PKT', 'Asia/Karachi'],
    ['BRT', 'America/Sao_Paulo'],
    ['MEZ', 'Europe/Berlin'],
    ['WIB', 'Asia/Jakarta'],
    ['NY', 'America/New_York'],
    ['LA', 'America/Los_Angeles'],
    ['us/pacific', 'America/Los_Angeles'],
    ['US/Eastern', 'US/Eastern'],
    ['Etc/UTC', 'UTC'],
    ['etc/gmt+5', 'Etc/GMT+5'],
    ['  Australia/Sydney  ', 'Australia/Sydney'],
    // abbreviations and everyday names, always a zone with the daylight saving time people mean
    ['EST', 'America/New_York'],
    ['est', 'America/New_York'],
    ['EDT', 'America/New_York'],
    ['ET', 'America/New_York'],
    ['Eastern', 'America/New_York'],
    ['eastern time', 'America/New_York'],
    ['CDT', 'America/Chicago'],
    ['Central', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['mountain', 'America/Denver'],
    ['PST', 'America/Los_Angeles'],
    ['PT', 'America/Los_Angeles'],
    ['Pacific', 'America/Los_Angeles'],
    ['pacific standard time', 'America/Los_Angeles'],
    ['CET', 'Europe/Paris'],
    ['CEST', 'Europe/Paris'],
    ['GMT', 'UTC'],
    ['BST', 'Europe/London'],
    ['IST', 'Asia/Kolkata'],
    ['JST', 'Asia/Tokyo'],
    ['AEST', 'Australia/Sydney'],
    ['aedt', 'Australia/Sydney'],
    ['UTC', 'UTC'],
    ['z', 'UTC'],
    // cities, by the zone's last path segment or a well-known alias
    ['London', 'Europe/London'],
    ['kolkata', 'Asia/Kolkata'],
    ['New York', 'America/New_York'],
    ['new_york', 'America/New_York'],
    ['sao paulo', 'America/Sao_Paulo'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['Kathmandu', 'Asia/Kathmandu'],
    ['Kyiv', 'Europe/Kyiv'],
    ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
    ['St. Johns', 'America/St_Johns'],
    ['San Francisco', 'America/Los_Angeles'],
    ['Mumbai', 'Asia/Kolkata'],
    ['hawaii', 'Pacific/Honolulu'],
    // fixed offsets in whole hours: the database counts them the other way
    ['UTC+5', 'Etc/GMT-5'],
    ['gmt-8', 'Etc/GMT+8'],
    ['+05:00', 'Etc/GMT-5'],
    ['UTC+0', 'UTC'],
  ])('%s -> %s', (name, zone) => {
    expect(resolveZone(name)).toBe(zone);
    expect(checkZone(name)).toBe(zone);
  });

  it.each([
    ['America/New_york', -300, -240],
    ['US/EASTERN', -300, -240],
    ['Europe/LONDON', 0, 60],
    ['est', -300, -240],
    ['pdt', -480, -420],
    ['cet', 60, 120],
    ['aedt', 660, 600],
    ['ist', 330, 330],
    ['kathmandu', 345, 345],
    ['chatham', 825, 765],
    ['UTC+5', 300, 300],
    ['GMT-8', -480, -480],
  ])('%s computes in that zone (winter %i, July %i minutes from UTC)', (name, winter, summer) => {
    const zone = resolveZone(name);
    expect(offsetMinutes(zone, WINTER)).toBe(winter);
    expect(offsetMinutes(zone, SUMMER)).toBe(summer);
  });

  it('a daylight-saving abbreviation never means a zone without daylight saving time', () => {
    for (const name of ['est', 'EST', 'cdt', 'mst', 'pst', 'EDT', 'cet', 'aest']) {
      const zone = resolveZone(name);
      expect(offsetMinutes(zone, WINTER), `${name} is ${zone}`).not.toBe(offsetMinutes(zone, SUMMER));
    }
  });
});

describe('names that mean no zone, or several', () => {
  it.each([
    ['AST', /could mean several time zones: America\/Halifax.*Asia\/Riyadh/],
    ['gst', /could mean several time zones: Asia\/Dubai.*Atlantic\/South_Georgia/],
    ['SST', /could mean several.*Pacific\/Pago_Pago.*Asia\/Singapore/],
    ['CST', /could mean several time zones: America\/Chicago.*Asia\/Shanghai/],
  ])('%s is ambiguous and lists the zones', (name, message) => {
    const error = thrown(() => resolveZone(name));
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/IANA name/);
  });

  it.each([
    ['Londn', 'Europe/London'],
    ['new yrok', 'America/New_York'],
    ['Europe/Pariss', 'Europe/Paris'],
  ])('%s is unknown, with a suggestion', (name, suggestion) => {
    const error = thrown(() => resolveZone(name));
    expect(error.message).toBe(`Unknown time zone '${name}'`);
    expect(error.hint).toContain(`'${suggestion}'`);
  });

  it.each(['UTC+5:30', 'UTC-13', '+15'])('%s is not a whole-hour offset there is a zone for', (name) => {
    expect(thrown(() => resolveZone(name)).hint).toMatch(/whole hours.*Asia\/Kolkata/);
  });

  it.each(['Mars/Olympus', 'EST+5', '', '   ', '../../etc/passwd', 'x'.repeat(5000)].map((name) => [name.slice(0, 20), name]))("'%s' is refused", (_, name) =>
    expect(thrown(() => resolveZone(name)).message).toMatch(/time zone/),
  );
});

describe('abbreviations shown beside local times', () => {
  it.each([
    ['Asia/Kolkata', '2026-11-22T15:00:00Z', 'IST'],
    ['Australia/Sydney', '2026-11-22T15:00:00Z', 'AEDT'],
    ['Australia/Sydney', '2026-06-22T15:00:00Z', 'AEST'],
    ['Europe/London', '2026-06-22T15:00:00Z', 'BST'],
    ['Europe/London', '2026-11-22T15:00:00Z', 'GMT'],
    ['Europe/Paris', '2026-11-22T15:00:00Z', 'CET'],
    ['Asia/Tokyo', '2026-11-22T15:00:00Z', 'JST'],
    ['America/New_York', '2026-06-22T15:00:00Z', 'EDT'],
    ['Asia/Shanghai', '2026-11-22T15:00:00Z', 'GMT+8'],
    ['Asia/Kathmandu', '2026-11-22T15:00:00Z', 'GMT+5:45'],
    ['UTC', '2026-11-22T15:00:00Z', 'UTC'],
  ])('%s at %s is %s', async (zone, iso, expected) => {
    const { zoneAbbreviation } = await import('../../src/time/zone');
    expect(zoneAbbreviation(zone, Date.parse(iso))).toBe(expected);
  });
});

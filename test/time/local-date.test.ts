import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDayNumber,
  addYears,
  clockTimeAsTaken,
  danishClockInstant,
  danishDate,
  dayNumber,
  daysBetween,
  decimalYears,
  fromDayNumber,
  isLocalDate,
  maxDate,
  minDate,
  monthsBetween,
  parseFhirDate,
  partialDateEnd,
  yearsBetween,
} from '../../src/time/local-date.js';

/** The tz database's answer, for comparison with the fast paths. */
const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('danishDate', () => {
  it('takes the calendar date in Copenhagen: 23:30Z is the next day, in winter and summer time', () => {
    expect(danishDate(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(danishDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(danishDate(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(danishDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
    expect(danishDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('agrees with the tz database on any instant (DST switches and the last hours of a day included)', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(danishDate(new Date(ms))).toBe(reference.format(ms));
      }),
      { numRuns: 5000 },
    );
    // every quarter of an hour around the 2026 switches
    for (const start of [Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 9, 24, 20)]) {
      for (let ms = start; ms < start + 2 * 86_400_000; ms += 900_000) expect(danishDate(new Date(ms))).toBe(reference.format(ms));
    }
  });
});

describe('partialDateEnd', () => {
  it('gives the last day a year or month can mean; nothing for a full date or junk', () => {
    expect(partialDateEnd('2021')).toBe('2021-12-31');
    expect(partialDateEnd('2024-02')).toBe('2024-02-29');
    expect(partialDateEnd('2023-02')).toBe('2023-02-28');
    expect(partialDateEnd('2021-12-20')).toBeUndefined();
    expect(partialDateEnd('2021-13')).toBeUndefined();
    expect(partialDateEnd(2021)).toBeUndefined();
  });
});

describe('parseFhirDate', () => {
  it('reads dates and partial dates (first day)', () => {
    expect(parseFhirDate('2024-02-29')).toBe('2024-02-29');
    expect(parseFhirDate('1966')).toBe('1966-01-01');
    expect(parseFhirDate('1966-11')).toBe('1966-11-01');
  });

  it('converts a dateTime with a zone to the Danish date; without a zone takes it as local', () => {
    expect(parseFhirDate('2026-03-31T23:30:00Z')).toBe('2026-04-01');
    expect(parseFhirDate('2026-03-31T23:30:00+02:00')).toBe('2026-03-31');
    expect(parseFhirDate('2026-03-31T18:30:00-05:00')).toBe('2026-04-01');
    expect(parseFhirDate('2026-03-31T23:30:00')).toBe('2026-03-31');
    expect(parseFhirDate('2026-03-31T23:30:00.123Z')).toBe('2026-04-01');
    expect(parseFhirDate('2026-03-31T23:30Z')).toBe('2026-04-01');
  });

  it('gives undefined for anything that is not a valid date, never throws', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '0999-01-01',
      '24-01-01',
      '2024-1-1',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:60:00Z',
      '2024-01-01T10:00:60Z',
      '2024-01-01T10:00:00+25:00',
      '2024-01-01T10:00:00.Z',
      '2024-01-01T10:00:00ZZ',
      '2024-01-01 10:00:00',
      '2024-01-01X',
      'nonsense',
      '',
      '２０２４-01-01',
    ]) {
      expect(parseFhirDate(bad), bad).toBeUndefined();
    }
    for (const notString of [undefined, null, 20240101, {}, [], true]) expect(parseFhirDate(notString)).toBeUndefined();
  });

  it('agrees with Date.parse + the tz database on random dateTimes with zones', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.boolean(),
        (ms, offset, fraction) => {
          const local = new Date(ms + offset * 60_000);
          const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
          const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction ? '.250' : ''}${zone}`;
          expect(parseFhirDate(text)).toBe(reference.format(Date.parse(text)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('calendar arithmetic', () => {
  it('addMonths clamps to the month end: 31 August + 6 months = 28/29 February', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('monthsBetween counts a month once its clamped anniversary is reached', () => {
    expect(monthsBetween('2024-01-31', '2024-07-30')).toBe(5);
    expect(monthsBetween('2024-01-31', '2024-07-31')).toBe(6);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-08-31', '2025-02-28')).toBe(6);
    expect(monthsBetween('2024-05-15', '2024-05-14')).toBe(0);
    expect(monthsBetween('2024-07-31', '2024-01-31')).toBe(-6);
    expect(monthsBetween('2024-03-31', '2024-02-29')).toBe(-1);
  });

  it('yearsBetween gives completed years: the 60th birthday counts from that day', () => {
    expect(yearsBetween('1966-11-26', '2026-11-25')).toBe(59);
    expect(yearsBetween('1966-11-26', '2026-11-26')).toBe(60);
    expect(yearsBetween('1966-01-01', '2026-01-01')).toBe(60);
    expect(yearsBetween('1964-02-29', '2024-02-28')).toBe(59);
    expect(yearsBetween('1964-02-29', '2024-02-29')).toBe(60);
  });

  it('monthsBetween and addMonths agree: from + monthsBetween(from, to) never passes to', () => {
    const date = fc
      .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
      .map(({ y, m }) => parseFhirDate(`${y}-${String(m).padStart(2, '0')}`) ?? '2000-01-01')
      .chain((first) => fc.integer({ min: 0, max: 30 }).map((extra) => addDays(first, extra)));
    fc.assert(
      fc.property(date, date, (from, to) => {
        const months = monthsBetween(from, to);
        if (from <= to) {
          expect(addMonths(from, months) <= to).toBe(true);
          expect(addMonths(from, months + 1) > to).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonthsToDayNumber counts the calendar months addMonths counts, on day numbers', () => {
    expect(fromDayNumber(addMonthsToDayNumber(dayNumber('2024-08-31'), 6))).toBe('2025-02-28');
    expect(fromDayNumber(addMonthsToDayNumber(dayNumber('2024-03-31'), -1))).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9000, 11, 31) / 86_400_000 }), fc.integer({ min: -1200, max: 1200 }), (n, months) => {
        expect(addMonthsToDayNumber(n, months)).toBe(dayNumber(addMonths(fromDayNumber(n), months)));
      }),
      { numRuns: 2000 },
    );
  });

  it('dayNumber reads a field that is not all digits as Number reads it (malformed input as before)', () => {
    const reference = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
    for (const odd of ['2024-01-1 ', '2024-01-1x', '2024-1 -05', ' 2024-01-01', '2024-01-01T10:00', '2024-03']) {
      expect(dayNumber(odd)).toEqual(reference(odd));
    }
  });

  it('dayNumber and fromDayNumber invert each other and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(isLocalDate(date)).toBe(true);
        expect(dayNumber(date)).toBe(n);
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 3000 },
    );
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('addDays, daysBetween, min/max, decimal years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(minDate('2024-01-01', '2023-12-31')).toBe('2023-12-31');
    expect(maxDate('2024-01-01', '2023-12-31')).toBe('2024-01-01');
    expect(decimalYears(365.25 * 5)).toBe(5);
  });

  it('isLocalDate accepts exactly valid YYYY-MM-DD strings', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2024-2-29')).toBe(false);
    expect(isLocalDate('2024-02-29T00:00:00Z')).toBe(false);
    expect(isLocalDate('abcd-ef-gh')).toBe(false);
  });
});

describe('clockTimeAsTaken (the clock a sample was taken by)', () => {
  it('reads a time with its own UTC offset, or with no zone, as written; a UTC time (Z, +00:00) in Danish time; no time is undefined', () => {
    expect(clockTimeAsTaken('2026-10-15T08:00:00-04:00')).toBe('08:00');
    expect(clockTimeAsTaken('2026-05-04T15:30:00+02:00')).toBe('15:30');
    expect(clockTimeAsTaken('2026-06-15T09:45:00')).toBe('09:45');
    expect(clockTimeAsTaken('2026-01-15T08:30:00Z')).toBe('09:30');
    expect(clockTimeAsTaken('2026-06-15T08:30:00.000Z')).toBe('10:30');
    expect(clockTimeAsTaken('2026-06-15T08:30:00+00:00')).toBe('10:30');
    expect(clockTimeAsTaken('2026-06-15')).toBeUndefined();
    expect(clockTimeAsTaken('not a date at all')).toBeUndefined();
  });
});

describe('danishClockInstant (a dateTime sent without its zone)', () => {
  it('reads the clock time as Danish, winter and summer, whatever the server\'s zone', () => {
    expect(new Date(danishClockInstant('2026-11-01T09:00:00')).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(new Date(danishClockInstant('2026-06-01T09:00')).toISOString()).toBe('2026-06-01T07:00:00.000Z');
    expect(danishClockInstant('not a date')).toBeNaN();
  });
});

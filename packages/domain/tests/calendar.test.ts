import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CalendarData,
  CalendarDataError,
  DEFAULT_CALENDAR_DIR,
  type DueDateInput,
  loadCalendar,
  WorkingCalendar,
  weekdayName,
} from '../src/calendar/index.js';

const calendar = loadCalendar();

/** A local Kazakhstan time (UTC+5), e.g. at('2026-03-20 10:00'). */
const at = (local: string, offset = '+05:00') => new Date(`${local.replace(' ', 'T')}:00${offset}`);

const due = (submitted: string, days: number, unit: DueDateInput['unit'], extra: Partial<DueDateInput> = {}) =>
  calendar.dueDate({ submittedAt: at(submitted), days, unit, ...extra });

const daysOff = (cal: WorkingCalendar, from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = cal.addCalendarDays(d, 1)) if (!cal.isWorkingDay(d)) out.push(d);
  return out;
};

describe('Nauryz 2026 (21 March is a Saturday, 22 a Sunday, 23 a Monday)', () => {
  it('gives 21–25 March off: the Saturday and Sunday holidays move to Tuesday 24 and Wednesday 25', () => {
    expect(weekdayName('2026-03-21')).toBe('Saturday');
    expect(daysOff(calendar, '2026-03-19', '2026-03-27')).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']);
    expect(calendar.dayOffReason('2026-03-23')).toBe('Nauryz meyramy');
    expect(calendar.dayOffReason('2026-03-24')).toBe('carry-over of Nauryz meyramy (2026-03-21, Saturday)');
    expect(calendar.dayOffReason('2026-03-25')).toBe('carry-over of Nauryz meyramy (2026-03-22, Sunday)');
    expect(calendar.isWorkingDay('2026-03-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('an application submitted on Friday 20 March 2026 at 10:00 for 15 working days is due on Wednesday 15 April 2026', () => {
    const result = due('2026-03-20 10:00', 15, 'WORKING_DAYS');
    expect(result.startDate).toBe('2026-03-20');
    expect(result.dueDate).toBe('2026-04-15');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-28',
      '2026-03-29',
      '2026-04-04',
      '2026-04-05',
      '2026-04-11',
      '2026-04-12',
    ]);
    expect(result.skippedDaysOff[3]).toEqual({ date: '2026-03-24', reason: 'carry-over of Nauryz meyramy (2026-03-21, Saturday)' });
  });

  it('the same application submitted at 19:00 counts from Thursday 26 March and is due on Thursday 16 April', () => {
    const result = due('2026-03-20 19:00', 15, 'WORKING_DAYS');
    expect(result.startDate).toBe('2026-03-26');
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.skippedDaysOff.slice(0, 5).map((d) => d.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']);
  });
});

describe('the rest of 2026 as published', () => {
  it('moves 8 March (Sunday) to Monday 9 March, Victory Day (Saturday) to Monday 11 May, 30 August and 25 October (Sundays) to the Mondays after', () => {
    expect(calendar.dayOffReason('2026-03-09')).toBe("carry-over of International Women's Day (2026-03-08, Sunday)");
    expect(calendar.dayOffReason('2026-05-11')).toBe('carry-over of Victory Day (2026-05-09, Saturday)');
    expect(calendar.dayOffReason('2026-08-31')).toBe('carry-over of Constitution Day (2026-08-30, Sunday)');
    expect(calendar.dayOffReason('2026-10-26')).toBe('carry-over of Republic Day (2026-10-25, Sunday)');
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-12')).toBe(true);
  });

  it('gives 1–4 January 2026 off and then only 7 January (Wednesday) for Christmas', () => {
    expect(daysOff(calendar, '2026-01-01', '2026-01-09')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-07']);
  });

  it('Independence Day is only Wednesday 16 December 2026; 17 December is a working day', () => {
    expect(weekdayName('2026-12-16')).toBe('Wednesday');
    expect(calendar.dayOffReason('2026-12-16')).toBe('Independence Day');
    expect(calendar.isWorkingDay('2026-12-17')).toBe(true);
  });

  it('Kurban Ait 2026 is Wednesday 27 May and is not moved; 28 May is a working day', () => {
    expect(calendar.dayOffReason('2026-05-27')).toBe('Kurban Ait (first day)');
    expect(calendar.dayOff('2026-05-27')?.names?.kk).toBe('Құрбан айт (бірінші күні)');
    expect(calendar.isWorkingDay('2026-05-28')).toBe(true);
  });
});

describe('New Year 2027 (1 January is a Friday, 2 January a Saturday)', () => {
  it('moves the Saturday holiday to Monday 4 January; Tuesday 5 January is a working day', () => {
    expect(weekdayName('2027-01-01')).toBe('Friday');
    expect(daysOff(calendar, '2027-01-01', '2027-01-06')).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04']);
    expect(calendar.dayOffReason('2027-01-04')).toBe('carry-over of New Year (2027-01-02, Saturday)');
    expect(calendar.dayOffReason('2027-01-03')).toBe('weekend');
  });

  it('5 working days from Wednesday 30 December 2026 run over the new year and Christmas to Monday 11 January 2027', () => {
    const result = due('2026-12-30 09:00', 5, 'WORKING_DAYS');
    expect(result.dueDate).toBe('2027-01-11');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
      '2027-01-07',
      '2027-01-09',
      '2027-01-10',
    ]);
    expect(result.warnings.filter((w) => w.year === 2027).map((w) => w.code)).toEqual(['KURBAN_AIT_NOT_CONFIRMED', 'TRANSFERS_UNKNOWN']);
  });
});

describe('religious holidays are not moved', () => {
  it('Orthodox Christmas on Sunday 7 January 2024: Monday 8 January 2024 is a working day', () => {
    expect(weekdayName('2024-01-07')).toBe('Sunday');
    expect(calendar.dayOffReason('2024-01-07')).toBe('Orthodox Christmas');
    expect(calendar.isWorkingDay('2024-01-08')).toBe(true);
  });

  it('Kurban Ait on Sunday 11 August 2019: Monday 12 August 2019 is a working day', () => {
    expect(weekdayName('2019-08-11')).toBe('Sunday');
    expect(calendar.dayOffReason('2019-08-11')).toBe('Kurban Ait (first day)');
    expect(calendar.isWorkingDay('2019-08-12')).toBe(true);
  });

  it('Kurban Ait 2024 fell on Sunday 16 June as DUMK confirmed, so Monday 17 June, first announced as the day off, was a working day', () => {
    expect(calendar.dayOffReason('2024-06-16')).toBe('Kurban Ait (first day)');
    expect(calendar.isWorkingDay('2024-06-17')).toBe(true);
  });

  it('while a non-religious holiday on a weekend is moved (2019: Nauryz, Capital Day, First President Day)', () => {
    expect(calendar.dayOffReason('2019-03-25')).toBe('carry-over of Nauryz meyramy (2019-03-23, Saturday)');
    expect(calendar.dayOffReason('2019-07-08')).toBe('carry-over of Capital Day (2019-07-06, Saturday)');
    expect(calendar.dayOffReason('2019-12-02')).toBe('carry-over of Day of the First President (2019-12-01, Sunday)');
  });
});

describe('working hours and days off at submission', () => {
  it('a submission on Tuesday 14 April 2026 at 18:30 counts from that day; at 18:31 from Wednesday 15 April', () => {
    expect(calendar.effectiveStart(at('2026-04-14 18:30'))).toBe('2026-04-14');
    expect(calendar.effectiveStart(at('2026-04-14 18:31'))).toBe('2026-04-15');
    expect(due('2026-04-14 18:30', 1, 'WORKING_DAYS').dueDate).toBe('2026-04-15');
    expect(due('2026-04-14 18:31', 1, 'WORKING_DAYS').dueDate).toBe('2026-04-16');
  });

  it('a submission after the cutoff on a Friday counts from Monday', () => {
    const result = due('2026-04-17 20:00', 1, 'WORKING_DAYS');
    expect(result.startDate).toBe('2026-04-20');
    expect(result.dueDate).toBe('2026-04-21');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual(['2026-04-18', '2026-04-19']);
  });

  it('a submission on Sunday 12 April 2026, even in the morning, counts from Monday 13 April', () => {
    const result = due('2026-04-12 09:00', 3, 'WORKING_DAYS');
    expect(result.startDate).toBe('2026-04-13');
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.skippedDaysOff).toEqual([{ date: '2026-04-12', reason: 'weekend' }]);
  });

  it('the cutoff is a parameter', () => {
    expect(calendar.effectiveStart(at('2026-04-14 17:30'), { cutoff: '17:00' })).toBe('2026-04-15');
    expect(calendar.effectiveStart(at('2026-04-14 17:30'), { cutoff: '18:00' })).toBe('2026-04-14');
  });

  it('local time is UTC+5 by default; the offset is a parameter (UTC+6 for cases before 1 March 2024)', () => {
    const instant = new Date('2026-04-14T13:00:00Z'); // 18:00 at UTC+5, 19:00 at UTC+6
    expect(calendar.effectiveStart(instant)).toBe('2026-04-14');
    expect(calendar.effectiveStart(instant, { utcOffsetMinutes: 360 })).toBe('2026-04-15');
    // 21:00Z on Monday is already Tuesday 02:00 in Kazakhstan, before the cutoff.
    expect(calendar.effectiveStart(new Date('2026-04-13T21:00:00Z'))).toBe('2026-04-14');
  });

  it('a submission on a day made working by a transfer counts from that day (Saturday 1 July 2023)', () => {
    expect(calendar.effectiveStart(at('2023-07-01 10:00'))).toBe('2023-07-01');
  });

  it('0 working days is due on the start date', () => {
    expect(due('2026-04-12 09:00', 0, 'WORKING_DAYS').dueDate).toBe('2026-04-13');
  });
});

describe('calendar-day terms', () => {
  it('30 calendar days from Wednesday 1 April 2026 end on 1 May, Unity Day (a Friday), so the term ends on Monday 4 May', () => {
    const result = due('2026-04-01 10:00', 30, 'CALENDAR_DAYS');
    expect(result.startDate).toBe('2026-04-01');
    expect(result.dueDate).toBe('2026-05-04');
    expect(result.skippedDaysOff).toEqual([
      { date: '2026-05-01', reason: 'Unity Day of the People of Kazakhstan' },
      { date: '2026-05-02', reason: 'weekend' },
      { date: '2026-05-03', reason: 'weekend' },
    ]);
  });

  it('a term ending on Nauryz moves past the carry-over days: 30 days from Thursday 19 February 2026 end on Thursday 26 March', () => {
    const result = due('2026-02-19 11:00', 30, 'CALENDAR_DAYS');
    expect(calendar.addCalendarDays('2026-02-19', 30)).toBe('2026-03-21');
    expect(result.dueDate).toBe('2026-03-26');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']);
  });

  it('a term ending on a working day is not moved, and weekends inside it count', () => {
    const result = due('2026-04-06 10:00', 10, 'CALENDAR_DAYS');
    expect(result.dueDate).toBe('2026-04-16');
    expect(result.skippedDaysOff).toEqual([]);
  });

  it('start from the next working day when submitted after hours', () => {
    expect(due('2026-04-06 18:45', 10, 'CALENDAR_DAYS').dueDate).toBe('2026-04-17');
  });
});

describe('Government transfers', () => {
  it('from the data: in 2023 Saturday 1 July was a working day and Friday 7 July a day off (decree of 25 April 2023)', () => {
    expect(weekdayName('2023-07-01')).toBe('Saturday');
    expect(calendar.isWorkingDay('2023-07-01')).toBe(true);
    expect(calendar.dayOffReason('2023-07-07')).toMatch(/^transfer: Government decree of 25 April 2023/);
    expect(daysOff(calendar, '2023-06-30', '2023-07-10')).toEqual(['2023-07-02', '2023-07-06', '2023-07-07', '2023-07-08', '2023-07-09']);
  });

  it('from an inline fixture: a Saturday made working counts as a working day in a term', () => {
    const fixture = fixtureCalendar({
      '2031': {
        complete: true,
        transfers: [{ dayOff: '2031-01-03', workingDay: '2031-01-11', source: 'Fixture decree No. 1 of 1 December 2030' }],
      },
    });
    expect(weekdayName('2031-01-11')).toBe('Saturday');
    expect(fixture.isWorkingDay('2031-01-11')).toBe(true);
    expect(fixture.dayOffReason('2031-01-03')).toBe('transfer: Fixture decree No. 1 of 1 December 2030');
    // Friday 10 January 2031 + 1 working day = the working Saturday (without the transfer: Monday 13).
    expect(weekdayName('2031-01-10')).toBe('Friday');
    expect(fixture.addWorkingDays('2031-01-10', 1)).toBe('2031-01-11');
    expect(calendar.addWorkingDays('2031-01-10', 1)).toBe('2031-01-13');
    const result = fixture.dueDate({ submittedAt: at('2031-01-11 10:00'), days: 1, unit: 'WORKING_DAYS' });
    expect(result.startDate).toBe('2031-01-11');
    expect(result.dueDate).toBe('2031-01-13');
    expect(result.warnings.map((w) => w.code)).toEqual(['KURBAN_AIT_UNKNOWN']);
  });
});

describe('historic years', () => {
  it('1 December was a day off 2012–2021 (First President Day) and not from 2022', () => {
    expect(calendar.dayOffReason('2015-12-01')).toBe('Day of the First President');
    expect(calendar.isWorkingDay('2022-12-01')).toBe(true);
  });

  it('17 December was a day off until 2021 and not from 2022 (no carry-over to Monday 19 December 2022)', () => {
    expect(calendar.dayOffReason('2020-12-17')).toBe('Independence Day');
    expect(calendar.dayOffReason('2022-12-17')).toBe('weekend');
    expect(calendar.isWorkingDay('2022-12-19')).toBe(true);
  });

  it('25 October is a day off from 2022, not in 2021; in 2022 Saturday 22 October was worked for Monday 24 October', () => {
    expect(calendar.isWorkingDay('2021-10-25')).toBe(true);
    expect(calendar.dayOffReason('2022-10-25')).toBe('Republic Day');
    expect(calendar.dayOffReason('2022-10-24')).toMatch(/^transfer: /);
    expect(calendar.isWorkingDay('2022-10-22')).toBe(true);
  });

  it('Sunday 5 January 2020 was a working day in exchange for Friday 3 January', () => {
    expect(calendar.isWorkingDay('2020-01-05')).toBe(true);
    expect(calendar.dayOffReason('2020-01-03')).toMatch(/^transfer: /);
  });

  it('Defender of the Fatherland Day is a day off from 2013', () => {
    expect(calendar.dayOffReason('2013-05-07')).toBe('Defender of the Fatherland Day');
    expect(calendar.isWorkingDay('2012-05-07')).toBe(true);
  });
});

describe('years outside the data', () => {
  it('still apply weekends, fixed holidays and carry-overs, and warn that Kurban Ait and transfers are unknown', () => {
    expect(calendar.dayOffReason('2031-03-21')).toBe('Nauryz meyramy');
    expect(calendar.dayOffReason('2031-03-24')).toBe('carry-over of Nauryz meyramy (2031-03-22, Saturday)');
    expect(calendar.dayOffReason('2031-03-25')).toBe('carry-over of Nauryz meyramy (2031-03-23, Sunday)');
    const result = due('2031-03-20 10:00', 2, 'WORKING_DAYS');
    expect(result.dueDate).toBe('2031-03-27');
    expect(result.warnings.map((w) => w.code)).toEqual(['KURBAN_AIT_UNKNOWN', 'TRANSFERS_UNKNOWN']);
    expect(result.warnings[0]?.message).toContain('2031');
  });

  it('before the covered range (2012) results carry a coverage warning', () => {
    expect(calendar.warningsForYear(2010).map((w) => w.code)).toContain('OUTSIDE_HOLIDAY_COVERAGE');
  });

  it('estimated Kurban Ait dates are flagged', () => {
    expect(calendar.warningsForYear(2028)).toContainEqual(expect.objectContaining({ code: 'KURBAN_AIT_NOT_CONFIRMED', year: 2028 }));
  });
});

describe('dates are date-only values', () => {
  it('calendar arithmetic crosses month, leap-day and year boundaries without time-zone drift', () => {
    expect(calendar.addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(calendar.addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(calendar.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.addCalendarDays('2026-03-29', -1)).toBe('2026-03-28');
  });

  it('nextWorkingDay and addWorkingDays skip days off; addWorkingDays also counts backwards', () => {
    expect(calendar.nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(calendar.addWorkingDays('2026-03-26', -1)).toBe('2026-03-20');
    expect(calendar.addWorkingDays('2026-03-21', 0)).toBe('2026-03-21');
  });

  it('rejects malformed input', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('20.03.2026')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-20', 1.5)).toThrow(RangeError);
    expect(() => due('2026-03-20 10:00', -1, 'WORKING_DAYS')).toThrow(RangeError);
    expect(() => due('2026-03-20 10:00', 1, 'WORKING_DAYS', { cutoff: '6pm' })).toThrow(RangeError);
    expect(() => calendar.effectiveStart(new Date('nope'))).toThrow(RangeError);
  });
});

describe('the data files', () => {
  const raw = readRealData();

  it('have a Kurban Ait date for every year 2012–2030, each with a source', () => {
    for (let y = 2012; y <= 2030; y++) {
      expect(calendar.kurbanAitData.dates[String(y)]?.source, String(y)).toBeTruthy();
    }
  });

  it('give every holiday names in kk/ru/en and a source', () => {
    for (const h of calendar.holidaysData.holidays) {
      expect(h.names.kk && h.names.ru && h.names.en && h.source, h.id).toBeTruthy();
    }
  });

  it('a malformed holiday is rejected with the file and the path of the problem', () => {
    const holidays = structuredClone(raw.holidays) as { holidays: { date: string; religous?: boolean }[] };
    holidays.holidays[4]!.date = '03-32';
    holidays.holidays[5]!.religous = true;
    const err = catchError(() => new WorkingCalendar({ ...raw, holidays }));
    expect(err).toBeInstanceOf(CalendarDataError);
    expect((err as CalendarDataError).file).toBe('holidays.json');
    expect((err as CalendarDataError).issues.map((i) => i.path)).toEqual(['holidays[4].date', 'holidays[5]']);
    expect((err as Error).message).toContain('holidays[4].date');
  });

  it('a Kurban Ait date listed under the wrong year and a transfer with no dates are rejected', () => {
    const kurbanAit = structuredClone(raw.kurbanAit) as { dates: Record<string, { date: string }> };
    kurbanAit.dates['2026']!.date = '2025-05-27';
    expect(() => new WorkingCalendar({ ...raw, kurbanAit })).toThrow(/kurban-ait\.json[\s\S]*dates\.2026\.date: date 2025-05-27 is not in 2026/);
    const transfers = { years: { '2026': { complete: false, transfers: [{ dayOff: null, workingDay: null, source: 'x' }] } } };
    expect(() => new WorkingCalendar({ ...raw, transfers })).toThrow(/transfers\.json[\s\S]*years\.2026\.transfers\[0\]\.dayOff/);
  });

  describe('loadCalendar', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('reads the three files from a directory and names the broken file by its full path', () => {
      dir = mkdtempSync(join(tmpdir(), 'calendar-'));
      writeFileSync(join(dir, 'holidays.json'), JSON.stringify(raw.holidays));
      writeFileSync(join(dir, 'kurban-ait.json'), JSON.stringify(raw.kurbanAit));
      writeFileSync(
        join(dir, 'transfers.json'),
        JSON.stringify({ years: { '2026': { complete: true, transfers: [{ dayOff: '2026-13-01', workingDay: null, source: 'x' }] } } }),
      );
      const err = catchError(() => loadCalendar(pathToFileURL(dir!)));
      expect(err).toBeInstanceOf(CalendarDataError);
      expect((err as CalendarDataError).file).toBe(join(dir, 'transfers.json'));
      expect((err as Error).message).toContain('years.2026.transfers[0].dayOff: expected a real calendar date YYYY-MM-DD');

      writeFileSync(join(dir, 'transfers.json'), '{ not json');
      expect(() => loadCalendar(pathToFileURL(`${dir}/`))).toThrow(/transfers\.json[\s\S]*not valid JSON/);

      writeFileSync(join(dir, 'transfers.json'), JSON.stringify({ years: {} }));
      expect(
        loadCalendar(pathToFileURL(dir))
          .warningsForYear(2026)
          .map((w) => w.code),
      ).toEqual(['TRANSFERS_UNKNOWN']);
    });
  });
});

function readRealData(): CalendarData {
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, DEFAULT_CALENDAR_DIR), 'utf8')) as unknown;
  return { holidays: read('holidays.json'), kurbanAit: read('kurban-ait.json'), transfers: read('transfers.json') };
}

function fixtureCalendar(years: Record<string, unknown>): WorkingCalendar {
  const real = readRealData();
  return new WorkingCalendar({ ...real, transfers: { years } });
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

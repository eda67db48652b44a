import { describe, expect, it } from 'vitest';
import { type DueDateInput, loadCalendar, weekdayName } from '../src/calendar/index.js';

/**
 * The day-off transfers of 2024 and 2025 (issue 15, item 1e) and the Kurban Ait date of 2024, counted in
 * due dates. Each case is chosen so that the result differs from what the calendar gives without the entry.
 */

const calendar = loadCalendar();

/** A local Kazakhstan time (UTC+5), e.g. at('2024-05-03 10:00'). */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+05:00`);
const due = (submitted: string, days: number, unit: DueDateInput['unit']) => calendar.dueDate({ submittedAt: at(submitted), days, unit });
const transferOf = (year: string) => calendar.transfersData.years[year]!.transfers;

describe('2024: Saturday 4 May worked for Wednesday 8 May (order of the acting Minister of Labour of 17 April 2024)', () => {
  it('records the transfer with the order that made it, by date', () => {
    expect(weekdayName('2024-05-04')).toBe('Saturday');
    expect(weekdayName('2024-05-08')).toBe('Wednesday');
    expect(transferOf('2024')).toEqual([expect.objectContaining({ dayOff: '2024-05-08', workingDay: '2024-05-04' })]);
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(calendar.dayOffReason('2024-05-08')).toMatch(
      /^transfer: Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024/,
    );
  });

  it('a citizen who applies on Friday 3 May 2024 for a one-working-day action is due on the worked Saturday, 4 May', () => {
    expect(due('2024-05-03 10:00', 1, 'WORKING_DAYS')).toMatchObject({ startDate: '2024-05-03', dueDate: '2024-05-04', skippedDaysOff: [] });
  });

  it('a citizen who applies on Monday 6 May 2024 waits over three days off in a row: 7 May (holiday), 8 May (transfer), 9 May (holiday)', () => {
    const result = due('2024-05-06 10:00', 1, 'WORKING_DAYS');
    expect(result.dueDate).toBe('2024-05-10');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual(['2024-05-07', '2024-05-08', '2024-05-09']);
    expect(result.skippedDaysOff[1]!.reason).toMatch(/^transfer: Order .* 17 April 2024/);
  });

  it('a calendar-day term that ends on Wednesday 8 May 2024 runs on to Friday 10 May, the next working day', () => {
    // Day 0 is Friday 26 April; 26 April + 12 days = Wednesday 8 May, a day off by the transfer, then Victory Day.
    expect(due('2024-04-26 10:00', 12, 'CALENDAR_DAYS')).toMatchObject({ startDate: '2024-04-26', dueDate: '2024-05-10' });
  });

  it('ten working days from Thursday 2 May 2024 count the worked Saturday and skip the transferred Wednesday', () => {
    // 3, 4 (Sat, worked), 6, 10, 13, 14, 15, 16, 17, 20 May.
    expect(due('2024-05-02 10:00', 10, 'WORKING_DAYS').dueDate).toBe('2024-05-20');
  });
});

describe('2025: Sunday 5 January worked for Friday 3 January (order of the Minister of Labour)', () => {
  it('records the transfer with the order that made it', () => {
    expect(weekdayName('2025-01-05')).toBe('Sunday');
    expect(weekdayName('2025-01-03')).toBe('Friday');
    expect(transferOf('2025')).toEqual([expect.objectContaining({ dayOff: '2025-01-03', workingDay: '2025-01-05' })]);
    expect(calendar.isWorkingDay('2025-01-05')).toBe(true);
    expect(calendar.dayOffReason('2025-01-03')).toMatch(/^transfer: Order of the Minister of Labour and Social Protection of the Population/);
  });

  it('a citizen who applies on Tuesday 31 December 2024 for a one-working-day action is due on the worked Sunday, 5 January 2025', () => {
    const result = due('2024-12-31 10:00', 1, 'WORKING_DAYS');
    expect(result.dueDate).toBe('2025-01-05');
    expect(result.skippedDaysOff.map((d) => d.date)).toEqual(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04']);
  });

  it('an application made on Sunday 5 January 2025 during office hours counts from that day', () => {
    expect(due('2025-01-05 10:00', 1, 'WORKING_DAYS')).toMatchObject({ startDate: '2025-01-05', dueDate: '2025-01-06' });
  });

  it('a calendar-day term that ends on Friday 3 January 2025 runs on to the worked Sunday, 5 January', () => {
    // Day 0 is Monday 23 December 2024; + 11 days = Friday 3 January 2025.
    expect(due('2024-12-23 10:00', 11, 'CALENDAR_DAYS')).toMatchObject({ startDate: '2024-12-23', dueDate: '2025-01-05' });
  });
});

describe('Kurban Ait 2024: first day Sunday 16 June, so Monday 17 June was worked', () => {
  it('a citizen who applies on Friday 14 June 2024 for a one-working-day action is due on Monday 17 June', () => {
    expect(calendar.kurbanAitData.dates['2024']).toMatchObject({ date: '2024-06-16', status: 'official' });
    const result = due('2024-06-14 10:00', 1, 'WORKING_DAYS');
    expect(result.dueDate).toBe('2024-06-17');
    expect(result.skippedDaysOff).toEqual([
      { date: '2024-06-15', reason: 'weekend' },
      { date: '2024-06-16', reason: 'Kurban Ait (first day)' },
    ]);
  });
});

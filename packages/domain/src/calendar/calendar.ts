/**
 * Kazakhstan's working-day calendar: data (holidays.json, kurban-ait.json, transfers.json) plus rules,
 * used to compute the due date of a public-service action.
 *
 * Rules
 * - Five-day week: Saturday and Sunday are days off.
 * - Holidays from the data, each valid for a range of years.
 * - Statutory carry-over (Labour Code 2015 art. 85): a NON-religious holiday falling on a Saturday or
 *   Sunday moves the day off to the next working day after it; several such holidays in a row move to
 *   consecutive working days (Nauryz 2026: 21 Sat, 22 Sun, 23 Mon -> 24 and 25 March are days off).
 *   Religious holidays (7 January, Kurban Ait) are not moved. Carry-overs are computed on the base
 *   calendar (weekends + holidays), before Government transfers.
 * - Government transfers (per-year data) apply last and win: `workingDay` becomes a working day,
 *   `dayOff` becomes a day off.
 *
 * Dates are `YYYY-MM-DD` strings meaning local calendar dates in Kazakhstan. All arithmetic is done on
 * integer day numbers (days since 1970-01-01, computed with Date.UTC), never on local-time Date objects,
 * so the host machine's time zone and DST cannot shift a date.
 *
 * Counting convention (pinned by tests/calendar.test.ts)
 * 1. Effective start ("day 0"). The submission instant is converted to local time with a fixed UTC offset
 *    (default +05:00: Kazakhstan has used a single UTC+5 zone since 1 March 2024; before that most of the
 *    country, including Astana and Almaty, was UTC+6 — pass `utcOffsetMinutes: 360` to reproduce older
 *    cases). If the local date is a working day and the local time is not later than the cutoff
 *    (default 18:30, i.e. up to 18:30:00.000 inclusive), day 0 is that date. Otherwise (after the cutoff,
 *    or on a day off) the application counts as received on the next working day, which is day 0.
 * 2. The term begins on the day AFTER day 0 (Civil Code of the RK, rules on the beginning of a term
 *    counted in days: it starts on the day following the event that starts it). Day 0 itself never
 *    counts.
 *    - WORKING_DAYS: the due date is the N-th working day after day 0. It is a working day by
 *      construction, so no end-of-term shift is needed. N = 0 gives day 0.
 *    - CALENDAR_DAYS: the due date is day 0 + N calendar days; days off inside the term count. If that
 *      last day is a day off, the term ends on the next working day (Civil Code rule on a term whose last
 *      day falls on a non-working day).
 *    Both units start from the effective start (1), so an application received after hours or on a day
 *    off is treated as received on the next working day for either kind of term, which is how
 *    applications are registered in practice.
 * 3. `skippedDaysOff` lists the days off that did not count towards the term: days off between the
 *    submission's local date and day 0; for WORKING_DAYS every day off between day 0 and the due date; for
 *    CALENDAR_DAYS the days off the end of the term was moved over.
 *
 * Years the data does not fully cover still get weekends, fixed holidays and carry-overs; the result of
 * `dueDate` then carries `warnings` (KURBAN_AIT_UNKNOWN, TRANSFERS_UNKNOWN, ...) that a caller can show
 * ("the due date may be off by a day: the 2031 Kurban Ait date is not known yet"). Nothing throws for a
 * year outside the data.
 */

import { KZ_UTC_OFFSET_MINUTES } from '@egov/core';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------
// Date-only arithmetic
// ---------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Day number (days since 1970-01-01) of a real `YYYY-MM-DD` date, or null if it is not one. */
function dayNumberOrNull(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function isIsoDate(date: string): boolean {
  return dayNumberOrNull(date) !== null;
}

/** @throws RangeError if `date` is not a real `YYYY-MM-DD` date. */
export function toDayNumber(date: string): number {
  const n = typeof date === 'string' ? dayNumberOrNull(date) : null;
  if (n === null) throw new RangeError(`Not a calendar date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  return n;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function yearOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

export function weekdayName(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[weekday(toDayNumber(date))]!;
}

// ---------------------------------------------------------------------------------------------------
// Data schemas (validated at load)
// ---------------------------------------------------------------------------------------------------

const isoDate = z.string().refine(isIsoDate, { message: 'expected a real calendar date YYYY-MM-DD' });
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'expected MM-DD')
  .refine((md) => md !== '02-29' && isIsoDate(`2001-${md}`), { message: 'expected a real month-day MM-DD (29 February is not supported)' });
const year = z.number().int().min(1991).max(2200);
const yearKey = z.string().regex(/^\d{4}$/, 'expected a four-digit year');
const names = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) }).strict();

const holidaySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase slug'),
    date: monthDay,
    names,
    religious: z.boolean(),
    from: year.nullable(),
    to: year.nullable(),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .refine((h) => h.from === null || h.to === null || h.from <= h.to, { message: "'from' must not be after 'to'", path: ['to'] });

export const holidaysFileSchema = z
  .object({
    $comment: z.string().optional(),
    legalBasis: z.array(z.string()).optional(),
    verification: z.string().optional(),
    coverage: z.object({ fromYear: year, note: z.string().optional() }).strict(),
    holidays: z.array(holidaySchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.holidays.forEach((h, i) => {
      if (seen.has(h.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `duplicate holiday id '${h.id}'`, path: ['holidays', i, 'id'] });
      seen.add(h.id);
    });
  });

const kurbanEntrySchema = z
  .object({
    date: isoDate,
    status: z.enum(['official', 'unverified', 'estimated']),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

export const kurbanAitFileSchema = z
  .object({
    $comment: z.string().optional(),
    names,
    religious: z.boolean(),
    source: z.string().min(1),
    dates: z.record(yearKey, kurbanEntrySchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [y, entry] of Object.entries(file.dates)) {
      if (entry.date.slice(0, 4) !== y) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `date ${entry.date} is not in ${y}`, path: ['dates', y, 'date'] });
      }
    }
  });

const transferSchema = z
  .object({
    dayOff: isoDate.nullable(),
    workingDay: isoDate.nullable(),
    source: z.string().min(1),
    evidence: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((t) => t.dayOff !== null || t.workingDay !== null, { message: "a transfer needs 'dayOff' or 'workingDay'", path: ['dayOff'] });

export const transfersFileSchema = z
  .object({
    $comment: z.string().optional(),
    years: z.record(yearKey, z.object({ complete: z.boolean(), note: z.string().optional(), transfers: z.array(transferSchema) }).strict()),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, string>();
    for (const [y, entry] of Object.entries(file.years)) {
      entry.transfers.forEach((t, i) => {
        for (const key of ['dayOff', 'workingDay'] as const) {
          const d = t[key];
          if (d === null) continue;
          const path = ['years', y, 'transfers', i, key];
          if (d.slice(0, 4) !== y) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `date ${d} is not in ${y}`, path });
          const prev = seen.get(d);
          if (prev) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `date ${d} already appears at ${prev}`, path });
          seen.set(d, path.join('.'));
        }
      });
    }
  });

export type HolidaysFile = z.infer<typeof holidaysFileSchema>;
export type KurbanAitFile = z.infer<typeof kurbanAitFileSchema>;
export type TransfersFile = z.infer<typeof transfersFileSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type Transfer = z.infer<typeof transferSchema>;

/** Raw (unvalidated) contents of the three data files. */
export interface CalendarData {
  holidays: unknown;
  kurbanAit: unknown;
  transfers: unknown;
}

/** Names of the data files, used in error messages. */
export interface CalendarSources {
  holidays: string;
  kurbanAit: string;
  transfers: string;
}

const DEFAULT_SOURCES: CalendarSources = { holidays: 'holidays.json', kurbanAit: 'kurban-ait.json', transfers: 'transfers.json' };

export interface CalendarDataIssue {
  /** e.g. `holidays[3].date` */
  path: string;
  message: string;
}

/** A calendar data file is unreadable or does not match its schema. Thrown at load, never later. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  constructor(
    readonly file: string,
    readonly issues: CalendarDataIssue[],
  ) {
    super(`Invalid calendar data in ${file}:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
  }
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

export function parseCalendarFile<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new CalendarDataError(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------

export type DayOffKind = 'weekend' | 'holiday' | 'carry-over' | 'transfer';

export interface DayOff {
  date: string;
  kind: DayOffKind;
  /** Human-readable, English: "weekend", "Nauryz meyramy", "carry-over of Nauryz meyramy (2026-03-21, Saturday)", "transfer: …" */
  reason: string;
  /** Holiday names (for holidays and carry-overs). */
  names?: { kk: string; ru: string; en: string };
}

export type CalendarWarningCode = 'OUTSIDE_HOLIDAY_COVERAGE' | 'KURBAN_AIT_UNKNOWN' | 'KURBAN_AIT_NOT_CONFIRMED' | 'TRANSFERS_UNKNOWN' | 'TRANSFERS_INCOMPLETE';

/** Something a caller can show next to a computed date: the data for `year` is missing or unconfirmed. */
export interface CalendarWarning {
  code: CalendarWarningCode;
  year: number;
  message: string;
}

export type TermUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS';

export interface SubmissionOptions {
  /** Local end of the provider's working hours, `HH:MM` (default `18:30`). Later submissions count from the next working day. */
  cutoff?: string;
  /** Fixed offset of local time from UTC, minutes (default 300 = UTC+5, Kazakhstan since 1 March 2024). */
  utcOffsetMinutes?: number;
}

export interface DueDateInput extends SubmissionOptions {
  submittedAt: Date;
  days: number;
  unit: TermUnit;
}

export interface DueDateResult {
  /** Day 0: the working day the application counts as received. */
  startDate: string;
  dueDate: string;
  skippedDaysOff: { date: string; reason: string }[];
  /** Data gaps for the years the computation touched; empty when the data is complete and confirmed. */
  warnings: CalendarWarning[];
}

export const DEFAULT_CUTOFF = '18:30';
/** Longest run of consecutive days off tolerated before the data is considered broken. */
const MAX_DAYS_OFF_IN_A_ROW = 60;
const MAX_TERM_DAYS = 3660;

interface HolidayHit {
  names: { kk: string; ru: string; en: string };
  religious: boolean;
}

export class WorkingCalendar {
  readonly holidaysData: HolidaysFile;
  readonly kurbanAitData: KurbanAitFile;
  readonly transfersData: TransfersFile;

  private readonly holidaysByYear = new Map<number, Map<number, HolidayHit>>();
  private readonly carryOverYears = new Set<number>();
  private readonly carryOvers = new Map<number, DayOff>();
  private readonly transferOff = new Map<number, Transfer>();
  private readonly transferWork = new Map<number, Transfer>();

  /**
   * Validates the three data files (raw JSON values).
   * @throws CalendarDataError naming the file and the path of every problem.
   */
  constructor(data: CalendarData, sources: Partial<CalendarSources> = {}) {
    const files = { ...DEFAULT_SOURCES, ...sources };
    this.holidaysData = parseCalendarFile(holidaysFileSchema, data.holidays, files.holidays);
    this.kurbanAitData = parseCalendarFile(kurbanAitFileSchema, data.kurbanAit, files.kurbanAit);
    this.transfersData = parseCalendarFile(transfersFileSchema, data.transfers, files.transfers);
    for (const entry of Object.values(this.transfersData.years)) {
      for (const t of entry.transfers) {
        if (t.dayOff !== null) this.transferOff.set(toDayNumber(t.dayOff), t);
        if (t.workingDay !== null) this.transferWork.set(toDayNumber(t.workingDay), t);
      }
    }
  }

  // --- day classification -------------------------------------------------------------------------

  /** The day off on `date` with its reason, or null if it is a working day. */
  dayOff(date: string): DayOff | null {
    return this.classify(toDayNumber(date));
  }

  isWorkingDay(date: string): boolean {
    return this.classify(toDayNumber(date)) === null;
  }

  /** e.g. "weekend", "Nauryz meyramy", "carry-over of …", "transfer: Government decree …"; null on a working day. */
  dayOffReason(date: string): string | null {
    return this.classify(toDayNumber(date))?.reason ?? null;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return fromDayNumber(this.nextWorking(toDayNumber(date)));
  }

  /**
   * The |n|-th working day after (n > 0) or before (n < 0) `date`; `date` itself is never counted, and
   * n = 0 returns `date` unchanged (even if it is a day off).
   */
  addWorkingDays(date: string, n: number): string {
    assertTermLength(n, 'n', true);
    return fromDayNumber(this.stepWorking(toDayNumber(date), n, () => {}));
  }

  /** Plain calendar arithmetic, no day-off adjustment: `date` + n days. */
  addCalendarDays(date: string, n: number): string {
    assertTermLength(n, 'n', true);
    return fromDayNumber(toDayNumber(date) + n);
  }

  /** Day 0 of a term for an application submitted at `submittedAt` (see the convention at the top of this file). */
  effectiveStart(submittedAt: Date, options: SubmissionOptions = {}): string {
    return fromDayNumber(this.start(submittedAt, options).start);
  }

  dueDate(input: DueDateInput): DueDateResult {
    const { submittedAt, days, unit } = input;
    assertTermLength(days, 'days', false);
    if (unit !== 'WORKING_DAYS' && unit !== 'CALENDAR_DAYS') throw new RangeError(`Unknown term unit: ${String(unit)}`);
    const { local, start } = this.start(submittedAt, input);

    const skipped: { date: string; reason: string }[] = [];
    const skip = (n: number) => {
      const off = this.classify(n);
      if (off) skipped.push({ date: off.date, reason: off.reason });
    };
    for (let n = local; n < start; n++) skip(n);

    let due: number;
    if (unit === 'WORKING_DAYS') {
      due = this.stepWorking(start, days, skip);
    } else {
      due = start + days;
      if (this.classify(due) !== null) {
        const end = this.nextWorking(due);
        for (let n = due; n < end; n++) skip(n);
        due = end;
      }
    }

    return {
      startDate: fromDayNumber(start),
      dueDate: fromDayNumber(due),
      skippedDaysOff: skipped,
      warnings: this.warningsForYears(yearOf(local), yearOf(due)),
    };
  }

  // --- data gaps ------------------------------------------------------------------------------------

  /** Warnings about missing or unconfirmed data for `year`. */
  warningsForYear(year: number): CalendarWarning[] {
    const warnings: CalendarWarning[] = [];
    const coverageFrom = this.holidaysData.coverage.fromYear;
    if (year < coverageFrom) {
      warnings.push({
        code: 'OUTSIDE_HOLIDAY_COVERAGE',
        year,
        message: `Holiday data is verified from ${coverageFrom}; days off in ${year} may be incomplete.`,
      });
    }
    const kurban = this.kurbanAitData.dates[String(year)];
    if (!kurban) {
      warnings.push({
        code: 'KURBAN_AIT_UNKNOWN',
        year,
        message: `The date of Kurban Ait in ${year} is not in the calendar data; it is treated as a working day.`,
      });
    } else if (kurban.status !== 'official') {
      warnings.push({
        code: 'KURBAN_AIT_NOT_CONFIRMED',
        year,
        message: `Kurban Ait ${year} is taken as ${kurban.date} (${kurban.status}: ${kurban.source}).`,
      });
    }
    const transfers = this.transfersData.years[String(year)];
    if (!transfers) {
      warnings.push({
        code: 'TRANSFERS_UNKNOWN',
        year,
        message: `Government transfers of days off for ${year} are not in the calendar data.`,
      });
    } else if (!transfers.complete) {
      warnings.push({
        code: 'TRANSFERS_INCOMPLETE',
        year,
        message: `Government transfers of days off for ${year} may be incomplete${transfers.note ? `: ${transfers.note}` : '.'}`,
      });
    }
    return warnings;
  }

  warningsForYears(fromYear: number, toYear: number): CalendarWarning[] {
    const out: CalendarWarning[] = [];
    for (let y = fromYear; y <= toYear; y++) out.push(...this.warningsForYear(y));
    return out;
  }

  // --- internals ------------------------------------------------------------------------------------

  private start(submittedAt: Date, options: SubmissionOptions): { local: number; start: number } {
    if (!(submittedAt instanceof Date) || Number.isNaN(submittedAt.getTime())) {
      throw new RangeError('submittedAt must be a valid Date');
    }
    const cutoffMinutes = parseCutoff(options.cutoff ?? DEFAULT_CUTOFF);
    const offset = options.utcOffsetMinutes ?? KZ_UTC_OFFSET_MINUTES;
    if (!Number.isInteger(offset) || offset < -12 * 60 || offset > 14 * 60) {
      throw new RangeError(`utcOffsetMinutes must be an integer between -720 and 840, got ${offset}`);
    }
    const localMs = submittedAt.getTime() + offset * 60_000;
    const local = Math.floor(localMs / MS_PER_DAY);
    const msIntoDay = localMs - local * MS_PER_DAY;
    const afterCutoff = msIntoDay > cutoffMinutes * 60_000;
    const start = this.classify(local) === null && !afterCutoff ? local : this.nextWorking(local);
    return { local, start };
  }

  private nextWorking(n: number): number {
    for (let d = n + 1; d <= n + MAX_DAYS_OFF_IN_A_ROW + 1; d++) {
      if (this.classify(d) === null) return d;
    }
    throw new Error(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${fromDayNumber(n)}: check the calendar data`);
  }

  private stepWorking(from: number, n: number, onDayOff: (day: number) => void): number {
    const step = n >= 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let d = from;
    let offInARow = 0;
    while (remaining > 0) {
      d += step;
      if (this.classify(d) === null) {
        remaining--;
        offInARow = 0;
      } else {
        onDayOff(d);
        if (++offInARow > MAX_DAYS_OFF_IN_A_ROW) {
          throw new Error(`More than ${MAX_DAYS_OFF_IN_A_ROW} days off in a row around ${fromDayNumber(d)}: check the calendar data`);
        }
      }
    }
    return d;
  }

  private classify(n: number): DayOff | null {
    const date = fromDayNumber(n);
    if (this.transferWork.has(n)) return null;
    const transfer = this.transferOff.get(n);
    if (transfer) return { date, kind: 'transfer', reason: `transfer: ${transfer.source}` };
    const y = yearOf(n);
    const holiday = this.holidaysOfYear(y).get(n);
    if (holiday) return { date, kind: 'holiday', reason: holiday.names.en, names: holiday.names };
    this.ensureCarryOvers(y - 1);
    this.ensureCarryOvers(y);
    const carry = this.carryOvers.get(n);
    if (carry) return carry;
    const wd = weekday(n);
    if (wd === 0 || wd === 6) return { date, kind: 'weekend', reason: 'weekend' };
    return null;
  }

  /** Fixed holidays valid in `y` plus Kurban Ait of `y` (if known). */
  private holidaysOfYear(y: number): Map<number, HolidayHit> {
    let map = this.holidaysByYear.get(y);
    if (map) return map;
    map = new Map();
    const kurban = this.kurbanAitData.dates[String(y)];
    if (kurban) map.set(toDayNumber(kurban.date), { names: this.kurbanAitData.names, religious: this.kurbanAitData.religious });
    for (const h of this.holidaysData.holidays) {
      if ((h.from !== null && y < h.from) || (h.to !== null && y > h.to)) continue;
      const n = toDayNumber(`${String(y).padStart(4, '0')}-${h.date}`);
      const prev = map.get(n);
      // Two holidays on one date: keep one; it is non-religious (carried over) if either is.
      map.set(n, prev ? { names: prev.names, religious: prev.religious && h.religious } : { names: h.names, religious: h.religious });
    }
    this.holidaysByYear.set(y, map);
    return map;
  }

  private isBaseDayOff(n: number): boolean {
    const wd = weekday(n);
    return wd === 0 || wd === 6 || this.holidaysOfYear(yearOf(n)).has(n);
  }

  /** Statutory carry-overs of the non-religious weekend holidays of year `y` (they may land in y + 1). */
  private ensureCarryOvers(y: number): void {
    if (this.carryOverYears.has(y)) return;
    this.carryOverYears.add(y);
    const entries = [...this.holidaysOfYear(y).entries()].sort((a, b) => a[0] - b[0]);
    for (const [n, h] of entries) {
      const wd = weekday(n);
      if (h.religious || (wd !== 0 && wd !== 6)) continue;
      let target = n + 1;
      while (this.isBaseDayOff(target) || this.carryOvers.has(target)) target++;
      this.carryOvers.set(target, {
        date: fromDayNumber(target),
        kind: 'carry-over',
        reason: `carry-over of ${h.names.en} (${fromDayNumber(n)}, ${WEEKDAYS[wd]})`,
        names: h.names,
      });
    }
  }
}

function parseCutoff(cutoff: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(cutoff);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!(h >= 0 && h <= 23 && min >= 0 && min <= 59)) throw new RangeError(`cutoff must be HH:MM (00:00–23:59), got ${JSON.stringify(cutoff)}`);
  return h * 60 + min;
}

function assertTermLength(n: number, name: string, allowNegative: boolean): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_TERM_DAYS || (!allowNegative && n < 0)) {
    throw new RangeError(`${name} must be ${allowNegative ? 'an' : 'a non-negative'} integer of at most ${MAX_TERM_DAYS}, got ${n}`);
  }
}

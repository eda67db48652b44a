export type { CalendarData, DayOff, DueDateInput, DueDateResult, TermUnit } from './calendar.js';
export { CalendarDataError, WorkingCalendar, weekdayName } from './calendar.js';
export { DEFAULT_CALENDAR_DIR, loadCalendar } from './load.js';

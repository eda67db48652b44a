import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CalendarData, CalendarDataError, type CalendarSources, WorkingCalendar } from './calendar.js';

export const DEFAULT_CALENDAR_DIR = new URL('../../data/calendar/', import.meta.url);

const FILES: CalendarSources = { holidays: 'holidays.json', kurbanAit: 'kurban-ait.json', transfers: 'transfers.json' };

function readJson(url: URL): unknown {
  const path = fileURLToPath(url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    throw new CalendarDataError(path, [{ path: '', message: `cannot read file: ${(err as Error).message}` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CalendarDataError(path, [{ path: '', message: `not valid JSON: ${(err as Error).message}` }]);
  }
}

/**
 * Reads holidays.json, kurban-ait.json and transfers.json from `dir` and builds the calendar.
 * Synchronous on purpose: it runs once at start-up, and a malformed file must stop the start.
 * @throws CalendarDataError with the file's full path and the path of each problem inside it.
 */
export function loadCalendar(dir: URL = DEFAULT_CALENDAR_DIR): WorkingCalendar {
  const base = dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`);
  const urls = {
    holidays: new URL(FILES.holidays, base),
    kurbanAit: new URL(FILES.kurbanAit, base),
    transfers: new URL(FILES.transfers, base),
  };
  const data: CalendarData = {
    holidays: readJson(urls.holidays),
    kurbanAit: readJson(urls.kurbanAit),
    transfers: readJson(urls.transfers),
  };
  return new WorkingCalendar(data, {
    holidays: fileURLToPath(urls.holidays),
    kurbanAit: fileURLToPath(urls.kurbanAit),
    transfers: fileURLToPath(urls.transfers),
  });
}

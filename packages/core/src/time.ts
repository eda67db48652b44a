/**
 * Kazakhstan has kept one time zone, UTC+5, since 1 March 2024; every date the registries and the
 * service standards speak of is a local date there.
 */
export const KZ_UTC_OFFSET_MINUTES = 5 * 60;

/** The local calendar date in Kazakhstan at `now`, YYYY-MM-DD. */
export function kzDate(now: Date = new Date()): string {
  return new Date(now.getTime() + KZ_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

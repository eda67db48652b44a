/**
 * The facts egov-graph applies, as data with citations of the legal texts they come from: the catalog of
 * public services, licence fees (MRP), and the working-day calendar that due dates are counted in.
 */

export * from './calendar/index.js';
export * from './catalog/index.js';
export * from './fees/index.js';

/** Which authority handles which service (and, for akimats, which region): read by authorization. */
export const DEFAULT_AGENCIES_FILE = new URL('../data/agencies.json', import.meta.url);

export { DEFAULT_MRP_TABLE, type FeeDue, FeeSchedule } from './fee-schedule.js';
export { feePurpose } from './purpose.js';

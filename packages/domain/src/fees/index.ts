export { FeeSchedule, DEFAULT_MRP_TABLE, type FeeDue } from './fee-schedule.js';
export { feePurpose } from './purpose.js';

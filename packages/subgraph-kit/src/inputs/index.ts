export { guardInputs, type InputRules } from './input-guard.js';
export * from './text-rules.js';

export { ConsentGate, type ConsentLookup, consentFor } from './consent-gate.js';

export { startGraph, type GraphOptions, type RunningGraph } from './graph.js';

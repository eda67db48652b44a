export { composeSupergraph, readSupergraph, supergraphPath } from './compose.js';
export * from './topology.js';

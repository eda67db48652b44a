export * from './topology.js';
export { composeSupergraph, readSupergraph, supergraphPath } from './compose.js';

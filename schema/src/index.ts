// Composition (and its library) is for the build and the tests (`./compose.js`), not for the processes that only
// need to know where the graph's parts are: every subgraph imports this index.
export { readSupergraph, supergraphPath } from './supergraph-file.js';
export * from './topology.js';

/**
 * Our services wired to the simulated world, for tests: each subgraph's test configuration (test issuer,
 * test CA, development fees) and one way to start any subgraph on a free port.
 */
export * from './config.js';
export * from './subgraph.js';

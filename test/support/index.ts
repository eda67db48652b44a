export { type GraphOptions, type RunningGraph, startGraph, subgraphUrls, testGatewayConfig } from './graph.js';

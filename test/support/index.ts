export { startGraph, subgraphUrls, testGatewayConfig, type GraphOptions, type RunningGraph } from './graph.js';

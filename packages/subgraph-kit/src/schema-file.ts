import { readFileSync } from 'node:fs';
import { type DocumentNode, parse } from 'graphql';

/** Reads a subgraph's schema.graphql: the SDL file is the contract, code never restates it. */
export function loadTypeDefs(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}

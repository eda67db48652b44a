import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { repoRoot, SUBGRAPH_NAMES, subgraphs } from './topology.js';

/**
 * Composes the four subgraph SDL files into the supergraph. Routing URLs are the local defaults;
 * the gateway points each subgraph elsewhere from its own configuration.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      typeDefs: parse(readFileSync(join(repoRoot, subgraphs[name].sdl), 'utf8')),
      url: `http://127.0.0.1:${subgraphs[name].port}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './topology.js';

export const supergraphPath = join(repoRoot, 'schema', 'supergraph.graphql');

/** The checked-in supergraph, as the gateway serves it. */
export function readSupergraph(): string {
  return readFileSync(supergraphPath, 'utf8');
}

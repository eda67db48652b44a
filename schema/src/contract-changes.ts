import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { parse } from 'graphql';
import { repoRoot, SUBGRAPH_NAMES, type SubgraphName, subgraphs } from './topology.js';

/**
 * Partner agencies call our subgraphs directly, so each subgraph's SDL is a contract of its own. The
 * released version of each lives in schema/contracts/<name>.graphql; a breaking change against it (a field
 * removed, a type narrowed, a required argument added) must be recorded in schema/CHANGELOG.md, so partners
 * learn of it, before it can land.
 */
export const CONTRACTS_DIR = join(repoRoot, 'schema/contracts');
export const CHANGELOG = join(repoRoot, 'schema/CHANGELOG.md');

export interface RecordedChange {
  subgraph: string;
  type: string;
  path: string;
  why: string;
}

const schemaOf = (sdl: string) => buildSubgraphSchema({ typeDefs: parse(sdl) });

/** The released contract of a subgraph, or null for one never released (everything in it is new). */
export function releasedContract(name: SubgraphName): string | null {
  try {
    return readFileSync(join(CONTRACTS_DIR, `${name}.graphql`), 'utf8');
  } catch {
    return null;
  }
}

export function currentContract(name: SubgraphName): string {
  return readFileSync(join(repoRoot, subgraphs[name].sdl), 'utf8');
}

/** Every breaking change of a subgraph's current SDL against its released contract. */
export async function breakingChanges(name: SubgraphName): Promise<Change[]> {
  const released = releasedContract(name);
  if (released === null) return [];
  const changes = await diff(schemaOf(released), schemaOf(currentContract(name)));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/**
 * The rows of the changelog's breaking-changes table: `| subgraph | change type | paths | why |`, one row
 * per kind of change partners were told of; several paths of one change share a row, comma-separated
 * (a change with no path, such as the Mutation type going, leaves the cell empty).
 */
export function recordedChanges(markdown = readFileSync(CHANGELOG, 'utf8')): RecordedChange[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !/^\|\s*(-+|subgraph)\s*\|/i.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => cells.length >= 4)
    .flatMap(([subgraph, type, paths, why]) =>
      paths!.split(',').map((path) => ({ subgraph: subgraph!, type: type!.replace(/`/g, ''), path: path.trim().replace(/`/g, ''), why: why! })),
    );
}

/** The breaking changes of every subgraph that the changelog does not record. */
export async function unrecordedBreakingChanges(recorded = recordedChanges()): Promise<{ subgraph: SubgraphName; change: Change }[]> {
  const known = new Set(recorded.map((r) => `${r.subgraph} ${r.type} ${r.path}`));
  const found = await Promise.all(SUBGRAPH_NAMES.map(async (subgraph) => (await breakingChanges(subgraph)).map((change) => ({ subgraph, change }))));
  return found.flat().filter(({ subgraph, change }) => !known.has(`${subgraph} ${change.type} ${change.path ?? ''}`));
}

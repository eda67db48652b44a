import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS_DIR, unrecordedBreakingChanges } from './contract-changes.js';
import { repoRoot, SUBGRAPH_NAMES, subgraphs } from './topology.js';

/**
 * `npm run contracts -w @egov/schema` lists the breaking changes not yet in schema/CHANGELOG.md, one line
 * each ready to paste into its table; `-- --release` copies every subgraph's SDL over its released contract.
 */
if (process.argv.includes('--release')) {
  for (const name of SUBGRAPH_NAMES) copyFileSync(join(repoRoot, subgraphs[name].sdl), join(CONTRACTS_DIR, `${name}.graphql`));
  console.log(`released ${SUBGRAPH_NAMES.length} subgraph contracts to schema/contracts/`);
} else {
  const unrecorded = await unrecordedBreakingChanges();
  const rows = new Map<string, string[]>();
  for (const { subgraph, change } of unrecorded)
    rows.set(`${subgraph} | ${change.type}`, [...(rows.get(`${subgraph} | ${change.type}`) ?? []), change.path ?? '']);
  for (const [key, paths] of rows) console.log(`| ${key} | ${paths.join(', ')} | why? |`);
  if (unrecorded.length > 0) process.exitCode = 1;
  else console.log('every breaking change is recorded in schema/CHANGELOG.md');
}

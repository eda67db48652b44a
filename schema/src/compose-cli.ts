import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose.js';
import { readSupergraph, supergraphPath } from './supergraph-file.js';

// `npm run compose` rewrites schema/supergraph.graphql; `-- --check` only says whether it is stale.
const composed = composeSupergraph();
if (process.argv.includes('--check')) {
  if (composed !== readSupergraph()) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose`');
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else {
  writeFileSync(supergraphPath, composed);
  console.log(`wrote ${supergraphPath}`);
}

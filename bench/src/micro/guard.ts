/**
 * How much the field guard costs per guarded field, against the guard as it was first written (every
 * field awaits the request's memoized decision), in the same process and run:
 *   npm run micro:guard -w @egov/bench
 * Two shapes: "authorized first" is how our resolvers work (the record's read is authorized before it
 * is fetched, so its fields find the decision made); "decided by the guard" is a list whose first field
 * makes the decision. Prints ms per operation of 500 records × 10 fields, medians of 5 alternated rounds.
 */

import { type AuthzServices, type GuardRules, guardSchema, type Principal, RequestAuth } from '@egov/security';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { buildSchema, defaultFieldResolver, execute, type GraphQLSchema, parse } from 'graphql';
import { median } from '../stats.js';

const FIELDS = 'a b c d e f g h i j'.split(' ');
const RECORDS = Array.from({ length: 500 }, (_, i) => Object.fromEntries(FIELDS.map((f) => [f, `${f}${i}`])));
const RESOURCE = { kind: 'licences', holderId: '080440001234' } as const;
const RULES: GuardRules = { Item: () => RESOURCE };
// An officer reads licences without a registry question, so the decision itself costs nothing here.
const OFFICER: Principal = {
  kind: 'officer',
  id: 'officer:bench',
  iin: '900101300017',
  clientId: null,
  agency: 'MINT-KTRM',
  roles: ['reviewer'],
  scopes: new Set(),
  purpose: null,
  tokenId: null,
};
const SERVICES = { service: 'bench' } as unknown as AuthzServices;

function schemaFor(authorizeFirst: boolean): GraphQLSchema {
  const schema = buildSchema(`type Query { items: [Item!]! } type Item { ${FIELDS.map((f) => `${f}: String`).join(' ')} }`);
  schema.getQueryType()!.getFields().items!.resolve = async (_root, _args, context: { auth: RequestAuth }) => {
    if (authorizeFirst) await context.auth.require(RESOURCE);
    return RECORDS;
  };
  return schema;
}

/** The guard before it had a synchronous path: kept here as the baseline. */
function awaitingGuard(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const rule = RULES[typeName];
      if (!rule) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: async (parent, args, context: { auth: RequestAuth }, info) => {
          const resource = rule(parent, fieldName, args)!;
          await context.auth.require(resource);
          context.auth.hasScopes(null);
          context.auth.recordRead(resource, `${typeName}.${fieldName}`);
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}

const DOCUMENT = parse(`{ items { ${FIELDS.join(' ')} } }`);

async function msPerOperation(schema: GraphQLSchema, operations: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    const result = await execute({ schema, document: DOCUMENT, contextValue: { auth: new RequestAuth(OFFICER, `bench-${i}`, SERVICES) } });
    if (result.errors) throw result.errors[0];
  }
  return (performance.now() - started) / operations;
}

for (const authorizeFirst of [true, false]) {
  const targets = { guard: guardSchema(schemaFor(authorizeFirst), RULES), 'awaiting guard (baseline)': awaitingGuard(schemaFor(authorizeFirst)) };
  const samples: Record<string, number[]> = { guard: [], 'awaiting guard (baseline)': [] };
  for (const schema of Object.values(targets)) await msPerOperation(schema, 30);
  for (let round = 0; round < 5; round++) {
    for (const [name, schema] of Object.entries(targets)) samples[name]!.push(await msPerOperation(schema, 100));
  }
  const ours = median(samples.guard!)!;
  const baseline = median(samples['awaiting guard (baseline)']!)!;
  console.log(
    `${authorizeFirst ? 'authorized first' : 'decided by the guard'}: guard ${ours.toFixed(2)} ms, baseline ${baseline.toFixed(2)} ms, ratio ${(ours / baseline).toFixed(2)}×`,
  );
}

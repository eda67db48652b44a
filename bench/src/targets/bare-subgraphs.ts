/**
 * Baseline for "CPU per subgraph call" (issue 14): the four subgraphs' own SDLs served by bare
 * `@apollo/subgraph` on `@apollo/server` standalone, answering the same entity queries from memory (the bench's
 * fixture set, indexed once at start). No tokens, authorization, audit, cache or registry client: what any
 * Federation subgraph in Node costs for these answers, the floor our subgraphs are judged against.
 *
 * One process serves all four (one port each); the orchestrator counts this process's CPU as the subgraphs'.
 * Env: BENCH_PERSONS, BENCH_BARE_PORTS (JSON {subgraph: port}), NODE_ENV=production.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { LegalEntityRecord, LicenseRecord, PaymentRecord, PersonRecord } from '@egov/contracts';
import { repoRoot, type SubgraphName } from '@egov/schema';
import { parse } from 'graphql';
import { buildFixtures } from '../scenarios/fixtures.js';

/** The subgraphs the prefill (S1, S5, S6) reads; applications is not part of it. */
export const BARE_SUBGRAPHS = ['individuals', 'legal-entities', 'licensing', 'payments'] as const satisfies readonly SubgraphName[];
type BareName = (typeof BARE_SUBGRAPHS)[number];

const fx = buildFixtures(Number(process.env.BENCH_PERSONS ?? 12_000));
const paymentsByPayer = new Map<string, PaymentRecord[]>();
for (const p of fx.set.payments) paymentsByPayer.set(p.payerId, [...(paymentsByPayer.get(p.payerId) ?? []), p]);
const today = new Date().toISOString().slice(0, 10);

const person = (iin: string) => fx.persons.get(iin) ?? null;
const entitiesOf = (iin: string, role?: string | null): LegalEntityRecord[] =>
  [...(fx.entitiesOfPerson.get(iin) ?? [])]
    .map((bin) => fx.entities.get(bin)!)
    .filter((e) => !role || (role === 'HEAD' ? e.headIin === iin : e.founders.some((f) => f.type === 'PERSON' && f.iin === iin)));
const licensesOf = (holderId: string): LicenseRecord[] =>
  [...(fx.licencesByHolder.get(holderId) ?? [])].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.number.localeCompare(b.number));
const paymentsOf = (payerId: string): PaymentRecord[] => [...(paymentsByPayer.get(payerId) ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

const named = { name: (r: { nameKk: string; nameRu: string }, a: { language?: string | null }) => (a.language === 'KK' ? r.nameKk : r.nameRu) };

const resolvers: Record<BareName, any> = {
  individuals: {
    Query: { person: (_: unknown, { iin }: { iin: string }) => person(iin) },
    Person: {
      __resolveReference: (ref: { iin: string }) => person(ref.iin),
      fullName: (p: PersonRecord) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
    },
    IdentityDocument: { valid: (d: { expiresOn: string }) => d.expiresOn >= today },
  },
  'legal-entities': {
    Query: {
      legalEntity: (_: unknown, { bin }: { bin: string }) => fx.entities.get(bin) ?? null,
      legalEntitiesOf: (_: unknown, { iin, role }: { iin: string; role?: string }) => entitiesOf(iin, role),
    },
    Person: {
      __resolveReference: (ref: { iin: string }) => ({ iin: ref.iin }),
      legalEntities: (p: { iin: string }, { role }: { role?: string }) => entitiesOf(p.iin, role),
    },
    LegalEntity: {
      __resolveReference: (ref: { bin: string }) => fx.entities.get(ref.bin) ?? null,
      name: (e: LegalEntityRecord, { language }: { language?: string }) => (language === 'KK' ? e.nameKk : e.nameRu),
      shortName: (e: LegalEntityRecord, { language }: { language?: string }) => (language === 'KK' ? e.shortNameKk : e.shortNameRu),
    },
  },
  licensing: {
    Query: {
      licensesOf: (_: unknown, { holderId }: { holderId: string }) => licensesOf(holderId),
    },
    Person: { __resolveReference: (ref: { iin: string }) => ({ iin: ref.iin }), licenses: (p: { iin: string }) => licensesOf(p.iin) },
    LegalEntity: { __resolveReference: (ref: { bin: string }) => ({ bin: ref.bin }), licenses: (e: { bin: string }) => licensesOf(e.bin) },
    LicensedActivity: named,
    Licensor: named,
  },
  payments: {
    Query: {
      paymentsOf: (_: unknown, { payerId }: { payerId: string }) => paymentsOf(payerId),
    },
    Person: { __resolveReference: (ref: { iin: string }) => ({ iin: ref.iin }), payments: (p: { iin: string }) => paymentsOf(p.iin) },
    LegalEntity: { __resolveReference: (ref: { bin: string }) => ({ bin: ref.bin }), payments: (e: { bin: string }) => paymentsOf(e.bin) },
  },
};

const ports = JSON.parse(process.env.BENCH_BARE_PORTS ?? '{}') as Partial<Record<BareName, number>>;
const servers: ApolloServer[] = [];
for (const name of BARE_SUBGRAPHS) {
  const typeDefs = parse(readFileSync(join(repoRoot, 'subgraphs', name, 'src', 'schema.graphql'), 'utf8'));
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers[name] }) });
  const { url } = await startStandaloneServer(server, { listen: { port: ports[name] ?? 0, host: '127.0.0.1' } });
  servers.push(server);
  process.stderr.write(`bare ${name} subgraph listening on ${url}\n`);
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  Promise.all(servers.map((s) => s.stop())).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

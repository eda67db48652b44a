import { buildSubgraphSchema } from '@apollo/subgraph';
import { type ExecutionResult, graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FREE_TEXT, guardInputs, IINScalar, OPAQUE_KEY, shaped } from '../src/index.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar IIN
  type Query { record(number: String!): Record  find(code: ID): String  people(iins: [IIN!]): [String!] }
  type Mutation { save(input: SaveInput!): String }
  input SaveInput { key: String!  note: String  values: [ValueInput!] }
  input ValueInput { id: ID!  text: String! }
  type Record @key(fields: "number") { number: String! }
  type Person @key(fields: "iin") { iin: IIN! name: String }
`);

/** Every resolver that runs says so: a refused input never reaches one. */
const reached: string[] = [];
const schema = guardInputs(
  buildSubgraphSchema({
    typeDefs,
    resolvers: {
      IIN: IINScalar,
      Query: {
        record: (_root: unknown, { number }: { number: string }) => (reached.push('record'), { number }),
        find: () => (reached.push('find'), 'found'),
      },
      Mutation: { save: () => (reached.push('save'), 'saved') },
      Record: { __resolveReference: (reference: { number: string }) => (reached.push('reference'), reference) },
      Person: { __resolveReference: (reference: { iin: string }) => (reached.push('person'), reference) },
    } as never,
  }),
  {
    'Query.record(number:)': shaped('a record number', /^R-\d{4}$/),
    'Record.number': shaped('a record number', /^R-\d{4}$/),
    'SaveInput.key': OPAQUE_KEY,
    'SaveInput.note': FREE_TEXT,
  },
);

async function run(query: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult & { reached: string[] }> {
  reached.length = 0;
  const result = await graphql({ schema, source: query, variableValues: variables });
  return { ...result, reached: [...reached] };
}

const codes = (result: ExecutionResult) => (result.errors ?? []).map((e) => e.extensions.code);

const BAD_TEXT: [string, string][] = [
  ['a NUL byte', 'R-12\u000034'],
  ['an escape sequence', 'R-\u001b[2J'],
  ['DEL', 'R-1\u007f'],
  ['a C1 control', 'R-1\u0085'],
  ['a lone surrogate', 'R-1\ud800'],
  ['a line separator', 'R-1\u2028'],
  ['100 000 characters', 'R'.repeat(100_000)],
];

describe('every string a client sends is checked before a resolver runs', () => {
  it.each([...BAD_TEXT, ['a path', '../../etc/passwd'], ['SQL', "1' OR '1'='1"], ['blank', '   '], ['a line break', 'R-1234\r\n']])(
    'an argument with %s is BAD_USER_INPUT naming the argument',
    async (_case, value) => {
      const result = await run('query($n: String!) { record(number: $n) { number } }', { n: value });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions.field).toBe('number');
      expect(result.errors![0]!.message).not.toContain(value.slice(0, 8));
      expect(result.reached).toEqual([]);
    },
  );

  it('the same argument with a well-shaped value is read (the control)', async () => {
    expect(await run('{ record(number: "R-1234") { number } }')).toMatchObject({ data: { record: { number: 'R-1234' } }, reached: ['record'] });
  });

  it('an ID without a rule is a token: letters, digits and - _ . :', async () => {
    expect((await run('{ find(code: "state-symbols-licence") }')).reached).toEqual(['find']);
    for (const bad of ['../x', 'a b', "x'--", ''])
      expect(codes(await run('query($c: ID) { find(code: $c) }', { c: bad })), JSON.stringify(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('fields of input objects are checked however deep, each by its own rule', async () => {
    const save = 'mutation($i: SaveInput!) { save(input: $i) }';
    const ok = { key: 'any key, even with spaces: 1', note: 'Line one\n\tline two', values: [{ id: 'phone', text: '+7 701 555 01 02' }] };
    expect((await run(save, { i: ok })).reached).toEqual(['save']);
    for (const [bad, field] of [
      [{ ...ok, note: 'a\u0000b' }, 'input.note'],
      [{ ...ok, key: '' }, 'input.key'],
      [{ ...ok, values: [{ id: 'phone', text: 'two\nlines' }] }, 'input.values.0.text'],
      [
        {
          ...ok,
          values: [
            { id: 'x', text: 'ok' },
            { id: '../x', text: 'ok' },
          ],
        },
        'input.values.1.id',
      ],
    ] as const) {
      const result = await run(save, { i: bad });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions.field).toBe(field);
      expect(result.reached).toEqual([]);
    }
  });

  it('_entities representations: keys are checked by their field type and rule, unknown types and fields refused', async () => {
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    expect((await run(entities, { r: [{ __typename: 'Record', number: 'R-1234' }] })).reached).toEqual(['reference']);
    for (const [representation, code] of [
      [{ __typename: 'Record', number: 'R-12\u000034' }, 'BAD_USER_INPUT'],
      [{ __typename: 'Record', number: '../../etc/passwd' }, 'BAD_USER_INPUT'],
      [{ __typename: 'Record', number: 1234 }, 'BAD_USER_INPUT'],
      [{ __typename: 'Record', number: 'R-1234', extra: 'x' }, 'BAD_USER_INPUT'],
      [{ __typename: 'Nothing', number: 'R-1234' }, 'BAD_USER_INPUT'],
      [{ __typename: 'Record' }, 'BAD_USER_INPUT'],
      [{ __typename: 'Person', iin: null }, 'BAD_USER_INPUT'],
      [{ __typename: 'Person', iin: 850314301234 }, 'INVALID_IIN'],
      [{ __typename: 'Person', iin: '850314301235' }, 'INVALID_IIN'],
      ['Record', 'BAD_USER_INPUT'],
    ] as const) {
      const result = await run(entities, { r: [representation] });
      expect(codes(result), JSON.stringify(representation)).toEqual([code]);
      expect(result.reached).toEqual([]);
    }
  });

  it('a rule naming no argument, input field or entity field fails at start', () => {
    expect(() => guardInputs(buildSubgraphSchema({ typeDefs }), { 'Query.record(numbr:)': OPAQUE_KEY })).toThrow(/Query\.record\(numbr:\)/);
  });
});

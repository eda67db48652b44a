/**
 * Issue 10, class 8 (smaller ones): the log mask catches ids inside longer digit runs.
 *
 * Contract pinned here: at every level, debug included, no log line of any process carries a person's
 * IIN or an organisation's BIN in clear — also when it sits inside a longer run of digits (a 13-digit
 * "IIN" typed with one digit too many, two ids run together, a leading zero, an id inside a request id or
 * a licence number). A run of 12 or more digits is masked as a whole or in part so that no 12 consecutive
 * digits of it survive; how it is masked (e.g. 8503*********5) is the implementation's choice.
 */

import { allScopesHeaders, bearer, NAMED } from '@egov/mocks';
import { postGraphQL } from '@egov/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { LogCapture } from './support.js';

let graph: RunningGraph;
const logs = new LogCapture();
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 }, logs: { level: 'debug', write: logs.write } });
});
afterAll(() => graph?.close());

const MAN = NAMED.manWithLicences; // 850314301234
const HEAD = NAMED.llpHead; // 621102407892
const LLP = NAMED.llp; // 080440001234

// [how the id is hidden, query, variables, extra headers, who asks]
const INPUTS: [string, string, Record<string, unknown>, Record<string, string>, 'partner' | 'citizen'][] = [
  ['one digit too many (13 digits)', `{ person(iin: "${MAN}5") { fullName } }`, {}, {}, 'partner'],
  ['a digit on each side (14 digits)', `{ person(iin: "1${HEAD}9") { fullName } }`, {}, {}, 'partner'],
  ['two ids run together (24 digits)', `{ person(iin: "${MAN}${HEAD}") { fullName } }`, {}, {}, 'partner'],
  ['a leading zero (13 digits)', `{ person(iin: "0${MAN}") { fullName } }`, {}, {}, 'partner'],
  ['a BIN with two digits more, as applicant id', `{ applicant(id: "${LLP}00") { __typename } }`, {}, {}, 'partner'],
  ['a BIN inside a longer run, in variables', 'query($bin: BIN!) { legalEntity(bin: $bin) { shortName } }', { bin: `77${LLP}` }, {}, 'partner'],
  ['an IIN inside a licence number', `{ license(number: "${MAN}1") { number } }`, {}, {}, 'citizen'],
  ['an IIN inside a payment id', `{ payment(id: "${HEAD}42") { id } }`, {}, {}, 'citizen'],
  ['an IIN inside an application number', `{ application(number: "9${MAN}") { number } }`, {}, {}, 'citizen'],
  ['an IIN inside a safe-looking request id', `{ person(iin: "${MAN}") { fullName } }`, {}, { 'x-request-id': `req${MAN}77` }, 'citizen'],
  // The prefill's root fields take the id from the client as is (issue 14, S5).
  ['one digit too many, as licensesOf(holderId)', 'query($h: ApplicantId!) { licensesOf(holderId: $h) { number } }', { h: `${MAN}5` }, {}, 'partner'],
  ['a digit on each side, as paymentsOf(payerId)', 'query($p: ApplicantId!) { paymentsOf(payerId: $p) { id } }', { p: `1${LLP}9` }, {}, 'partner'],
  ['two ids run together, as legalEntitiesOf(iin)', 'query($i: IIN!) { legalEntitiesOf(iin: $i) { bin } }', { i: `${HEAD}${MAN}` }, {}, 'partner'],
  [
    "another's id, as the prefill's root fields (refused, FORBIDDEN)",
    'query($i: IIN!, $h: ApplicantId!) { legalEntitiesOf(iin: $i) { bin } licensesOf(holderId: $h) { number } paymentsOf(payerId: $h) { id } }',
    { i: HEAD, h: LLP },
    {},
    'citizen',
  ],
  ['an IIN inside a 40-digit run', `{ person(iin: "${'1'.repeat(14)}${MAN}${'2'.repeat(14)}") { fullName } }`, {}, {}, 'partner'],
];

it.each(INPUTS)('%s: no known IIN or BIN in clear in any log line', async (_case, query, variables, extra, who) => {
  const mark = logs.lines.length;
  const headers = { ...(who === 'partner' ? await allScopesHeaders() : await bearer({ kind: 'citizen', iin: MAN })), ...extra };
  await postGraphQL(graph.gatewayUrl, query, variables, headers);
  const written = logs.since(mark);
  expect(written.length, 'debug logging happened').toBeGreaterThan(0);
  const ids = [...graph.state.persons.keys(), ...graph.state.entities.keys()];
  const leaks = written.filter((line) => ids.some((id) => line.includes(id)));
  expect(leaks).toEqual([]);
});

it('and no log line, over everything above, holds 12 consecutive digits that include a known id', () => {
  const ids = new Set([...graph.state.persons.keys(), ...graph.state.entities.keys()]);
  const runs = logs.lines.flatMap((line) => line.match(/\d{12,}/g) ?? []);
  expect(runs.filter((run) => [...ids].some((id) => run.includes(id)))).toEqual([]);
});

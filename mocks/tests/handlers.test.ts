import {
  ByHoldersResponse,
  ByParticipantsResponse,
  ByPayersResponse,
  fillPath,
  individualsApi,
  legalEntitiesApi,
  licensingApi,
  PersonsBatchResponse,
  paymentsApi,
} from '@egov/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NAMED } from '../src/index.js';
import { createMockRegistries } from '../src/node.js';

const REGISTRY = 'http://registry.test';
const { server, state } = createMockRegistries({ persons: 100 });
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request) => {
      throw new Error(`unhandled ${request.method} ${request.url}`);
    },
  }),
);
beforeEach(() => state.resetJournal());
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(REGISTRY + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the mock registries, intercepted in-process', () => {
  it('ГБД ФЛ answers a batch with the persons it holds and lists the rest as missing', async () => {
    const response = await post(individualsApi.personsBatch, { iins: [NAMED.manWithLicences, NAMED.unknownIin] });
    const body = PersonsBatchResponse.parse(await response.json());
    expect(body.persons.map((p) => p.iin)).toEqual([NAMED.manWithLicences]);
    expect(body.missing).toEqual([NAMED.unknownIin]);
    expect(state.calls('individuals', 'persons/batch')).toBe(1);
  });

  it('validates requests like the real registry: a malformed batch is a 400', async () => {
    expect((await post(individualsApi.personsBatch, { iins: ['123'] })).status).toBe(400);
    expect((await post(individualsApi.personsBatch, { iins: [] })).status).toBe(400);
    expect((await fetch(REGISTRY + fillPath(individualsApi.person, { iin: '12x' }))).status).toBe(400);
  });

  it('ГБД ЮЛ tells which entities a person heads or founded, with the entities', async () => {
    const body = ByParticipantsResponse.parse(await (await post(legalEntitiesApi.byParticipants, { iins: [NAMED.llpHead, NAMED.manWithLicences] })).json());
    expect(body.participations).toEqual(
      expect.arrayContaining([
        { iin: NAMED.llpHead, bin: NAMED.llp, roles: ['HEAD', 'FOUNDER'] },
        { iin: NAMED.manWithLicences, bin: NAMED.llp, roles: ['FOUNDER'] },
      ]),
    );
    expect(body.entities.map((e) => e.bin)).toContain(NAMED.llp);
  });

  it('ПШЭП and Е-лицензирование answer by payer and by holder', async () => {
    const payments = ByPayersResponse.parse(await (await post(paymentsApi.byPayers, { payerIds: [NAMED.manWithLicences, NAMED.youngWoman] })).json());
    expect(payments.payments).toHaveLength(1);
    const licences = ByHoldersResponse.parse(await (await post(licensingApi.byHolders, { holderIds: [NAMED.manWithLicences] })).json());
    expect(licences.licenses).toHaveLength(2);
    expect((await fetch(REGISTRY + fillPath(licensingApi.license, { number: 'nope' }))).status).toBe(404);
  });
});

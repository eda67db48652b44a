import { fillPath, individualsApi, PersonRecord, paymentsApi } from '@egov/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockRegistryServers } from '../src/http.js';
import { NAMED } from '../src/index.js';
import { createRegistryState } from '../src/state.js';

describe('the same handlers over real HTTP', () => {
  const servers = new MockRegistryServers({ state: createRegistryState({ persons: 20 }) });
  beforeAll(() => servers.startAll());
  afterAll(() => servers.close());

  it('serve each registry on its own port', async () => {
    const response = await fetch(servers.url('individuals') + fillPath(individualsApi.person, { iin: NAMED.llpHead }));
    expect(response.status).toBe(200);
    expect(PersonRecord.parse(await response.json()).lastName).toBe('Жумабаева');
  });

  it('can take one registry off the network and bring it back', async () => {
    const url = servers.url('payments') + paymentsApi.byPayers;
    await servers.stop('payments');
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    await servers.start('payments');
    expect(
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payerIds: [NAMED.llp] }) })).status,
    ).toBe(200);
  });
});

import type { BatchRead, RegistryCache, RegistryClient } from '@egov/registry-client';
import { type ParticipationEntry, participationsRead } from '@egov/registry-client';

export type CompanyRole = 'HEAD' | 'FOUNDER';

/**
 * The companies a citizen heads or founded, from ГБД ЮЛ (through the registry cache): what a citizen may
 * see of companies, and on whose behalf a head may act. A role in a company holds for its branches and
 * representative offices too.
 */
export class Relations {
  private readonly read: BatchRead<ParticipationEntry[]>;

  constructor(client: RegistryClient, cache?: RegistryCache) {
    this.read = participationsRead(client, cache);
  }

  async rolesOf(iin: string): Promise<Record<string, CompanyRole[]>> {
    const roles: Record<string, CompanyRole[]> = {};
    const entries = (await this.read([iin])).get(iin) ?? [];
    for (const p of entries) roles[p.bin] = p.roles;
    for (const p of entries) for (const branch of p.entity.branchBins) roles[branch] ??= p.roles;
    return roles;
  }
}

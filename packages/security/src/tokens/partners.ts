import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The access rights of partner systems, X-Road style: each client id may hold certain scopes and may
 * ask for certain purposes. A token can only narrow these, never widen them.
 */
const PartnerGrant = z.object({
  clientId: z.string().min(1),
  name: z.string().min(1),
  scopes: z.array(z.string().regex(/^[a-z-]+:[a-z-]+$/)),
  /** Service codes or registered purpose codes this client may state. */
  purposes: z.array(z.string().min(1)).min(1),
});
const PartnerRegistryFile = z.object({ partners: z.array(PartnerGrant) });
export type PartnerGrant = z.infer<typeof PartnerGrant>;

export class PartnerRegistry {
  private readonly byClient: Map<string, PartnerGrant>;

  constructor(grants: readonly PartnerGrant[]) {
    this.byClient = new Map(grants.map((g) => [g.clientId, g]));
  }

  static fromFile(path: string): PartnerRegistry {
    const parsed = PartnerRegistryFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(`Partner registry ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return new PartnerRegistry(parsed.data.partners);
  }

  grantOf(clientId: string): PartnerGrant | undefined {
    return this.byClient.get(clientId);
  }
}

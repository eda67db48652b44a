import { readFileSync } from 'node:fs';
import { ConfigError } from '@egov/core';
import { z } from 'zod';

/**
 * A purpose a partner may state. `exemptBy` names the legal basis (the article of the Law on Personal Data
 * and their Protection, or the law it points to) that lets the partner read a person's data for it without
 * their consent; a purpose without one needs the person's consent, recorded in the access control service.
 * A bare string is a purpose without exemption.
 */
const Purpose = z.union([
  z.string().min(1),
  z.object({ code: z.string().min(1), exemptBy: z.string().trim().min(1, 'the legal basis must not be empty').optional() }).strict(),
]);

/**
 * The access rights of partner systems, X-Road style: each client id may hold certain scopes and may
 * ask for certain purposes. A token can only narrow these, never widen them.
 */
const PartnerGrantFile = z
  .object({
    clientId: z.string().min(1),
    name: z.string().min(1),
    scopes: z.array(z.string().regex(/^[a-z-]+:[a-z-]+$/)),
    /** Service codes or registered purpose codes this client may state, each with its exemption if it has one. */
    purposes: z.array(Purpose).min(1),
  })
  .transform((grant, ctx) => {
    const exemptBy: Record<string, string> = {};
    const codes: string[] = [];
    grant.purposes.forEach((purpose, i) => {
      const code = typeof purpose === 'string' ? purpose : purpose.code;
      if (codes.includes(code)) ctx.addIssue({ code: 'custom', path: ['purposes', i], message: `purpose "${code}" is listed twice` });
      codes.push(code);
      if (typeof purpose !== 'string' && purpose.exemptBy) exemptBy[code] = purpose.exemptBy;
    });
    return { clientId: grant.clientId, name: grant.name, scopes: grant.scopes, purposes: codes, exemptBy };
  });
const PartnerRegistryFile = z.object({ partners: z.array(PartnerGrantFile) });

export interface PartnerGrant {
  clientId: string;
  name: string;
  scopes: string[];
  /** The purpose codes this client may state. */
  purposes: string[];
  /** Per exempt purpose, its legal basis; a purpose missing here needs the subject's consent. */
  exemptBy: Readonly<Record<string, string>>;
}

export class PartnerRegistry {
  private readonly byClient: Map<string, PartnerGrant>;

  constructor(grants: readonly (Omit<PartnerGrant, 'exemptBy'> & { exemptBy?: Readonly<Record<string, string>> })[]) {
    this.byClient = new Map(grants.map((g) => [g.clientId, { ...g, exemptBy: g.exemptBy ?? {} }]));
  }

  /** Reads and checks the file; a problem is a ConfigError naming the file and the field (`partners.0.purposes.1.exemptBy`). */
  static fromFile(path: string): PartnerRegistry {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`PARTNERS_FILE: the partner registry ${path} cannot be read as JSON: ${(error as Error).message}`);
    }
    const parsed = PartnerRegistryFile.safeParse(json);
    if (!parsed.success)
      throw new ConfigError(
        `PARTNERS_FILE: the partner registry ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return new PartnerRegistry(parsed.data.partners);
  }

  grantOf(clientId: string): PartnerGrant | undefined {
    return this.byClient.get(clientId);
  }

  /**
   * The legal basis exempting this client's reads for this purpose from consent, or null: then a person's
   * data is read only under their valid consent (an unknown client or purpose is never exempt).
   */
  exemptionOf(clientId: string, purpose: string): string | null {
    return this.byClient.get(clientId)?.exemptBy[purpose] ?? null;
  }
}

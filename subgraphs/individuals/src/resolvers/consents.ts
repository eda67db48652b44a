import type { ConsentRecord } from '@egov/contracts';
import { ErrorCode, graphqlError } from '@egov/core';
import { RegistryError, readConsentsOfSubject, withdrawConsent } from '@egov/registry-client';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

/** The citizen the consent queries are about: their own IIN, from a citizen's (or a portal's) token. */
function me(context: Context): string {
  const principal = context.auth.principal;
  if ((principal.kind !== 'citizen' && principal.kind !== 'portal') || !principal.iin) {
    throw graphqlError(
      principal.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
      'Consents are seen and withdrawn by the person who gave them (a signed-in citizen, or a portal acting for one)',
    );
  }
  return principal.iin;
}

function consentService(context: Context) {
  const client = context.consents.client;
  if (!client) throw new RegistryError('consents', ErrorCode.REGISTRY_UNAVAILABLE, 'is not configured for this service');
  return client;
}

/** A consent's state at `now`: what the check would make of it. */
function statusAt(consent: ConsentRecord, now: Date) {
  if (consent.status === 'WITHDRAWN' || consent.withdrawnAt !== null) return 'WITHDRAWN' as const;
  if (now.getTime() < Date.parse(consent.validFrom)) return 'NOT_YET_VALID' as const;
  if (now.getTime() >= Date.parse(consent.validUntil)) return 'EXPIRED' as const;
  return 'ACTIVE' as const;
}

export const consentResolvers: Resolvers = {
  Query: {
    myConsents: async (_root, _args, context) => {
      const consents = await readConsentsOfSubject(consentService(context), me(context));
      return consents.sort((a, b) => Date.parse(b.grantedAt) - Date.parse(a.grantedAt) || b.id.localeCompare(a.id));
    },
  },
  Mutation: {
    withdrawConsent: async (_root, { id }, context) => {
      const subject = me(context);
      const withdrawn = await withdrawConsent(consentService(context), context.consents.cache, subject, id);
      // Another person's consent and an unknown id get the same answer: ids tell nobody whose consents exist.
      if (!withdrawn) throw graphqlError(ErrorCode.NOT_FOUND, 'You have no consent with this id', { field: 'id' });
      context.logger?.info('consent withdrawn by its subject', { consentId: withdrawn.id, partner: withdrawn.partnerId, requestId: context.auth.requestId });
      return withdrawn;
    },
  },
  Consent: {
    partner: (consent, _args, context) => ({ id: consent.partnerId, name: context.partners.grantOf(consent.partnerId)?.name ?? consent.partnerId }),
    status: (consent, _args, context) => statusAt(consent, context.now),
  },
};

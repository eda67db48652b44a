import type { Resolvers } from '../generated/graphql.js';

/** Signed evidence: what the registries said at submission, and the receipt, as the service signed them. */
export const evidenceResolvers: Resolvers = {
  Query: {
    applicationEvidence: (_root, { number }, { app, auth }) => app.evidence.forCaller(number, auth, (n, a) => app.applications.visible(n, a)),
  },
  SignedEvidence: {
    number: ({ evidence }) => evidence.number,
    bundle: ({ evidence }) => evidence.bundle,
    algorithm: ({ evidence }) => evidence.algorithm,
    signature: ({ evidence }) => evidence.signature,
    keyId: ({ evidence }) => evidence.keyId,
    publicKey: ({ evidence }) => evidence.publicKey,
    signedAt: ({ evidence }) => evidence.signedAt,
  },
};

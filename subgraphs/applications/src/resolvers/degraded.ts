import { registryCheckView } from '../degraded/view.js';
import type { Resolvers } from '../generated/graphql.js';

/** Degraded mode on the officer's side: whether an application still waits for a registry to be read again. */
export const degradedResolvers = {
  Application: {
    needsRegistryCheck: async (application, _args, { registryCheckOf }) => (await registryCheckOf.load(application.number))?.state === 'PENDING',
    registryCheck: async (application, _args, { app, registryCheckOf }) => {
      const check = await registryCheckOf.load(application.number);
      if (!check) return null;
      const action = app.catalog.byCode(application.serviceCode)?.actions.find((a) => a.kind === application.action);
      return registryCheckView(check, action);
    },
  },
} satisfies Resolvers;

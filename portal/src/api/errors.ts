import type { GraphError } from './graphql-client.js';

/** Codes that mean "a registry or a part of the graph could not answer", not "you did something wrong". */
const OUTAGE_CODES = new Set(['REGISTRY_UNAVAILABLE', 'REGISTRY_TIMEOUT', 'REGISTRY_BAD_RESPONSE', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT']);

/** Codes the ApplicantId, IIN and BIN scalars reject a typed id with, before any registry is asked. */
const INVALID_ID_CODES = new Set(['INVALID_IIN', 'INVALID_BIN', 'INVALID_APPLICANT_ID']);

export interface Outage {
  /** individuals, legal-entities, payments, licensing; or the subgraph when the graph itself failed. */
  registry: string;
  /** As the graph names it, e.g. "ГБД ФЛ (individuals registry)". */
  title: string;
  code: string;
}

/** Each registry that failed, once, in the order the errors name them. */
export function outagesIn(errors: readonly GraphError[]): Outage[] {
  const seen = new Map<string, Outage>();
  for (const error of errors) {
    const code = error.extensions?.code ?? '';
    if (!OUTAGE_CODES.has(code)) continue;
    const registry = String(error.extensions?.registry ?? error.extensions?.subgraph ?? error.extensions?.serviceName ?? 'unknown');
    if (!seen.has(registry)) seen.set(registry, { registry, title: String(error.extensions?.registryTitle ?? registry), code });
  }
  return [...seen.values()];
}

/** The scalar's own message for a typed id it refused ("IIN control digit is wrong …"), for the field. */
export function invalidIdMessage(errors: readonly GraphError[]): string | null {
  const error = errors.find((e) => INVALID_ID_CODES.has(e.extensions?.code ?? ''));
  if (!error) return null;
  // GraphQL's own wording wraps the scalar's message (which variable, which type); the person needs only
  // what is wrong with what they typed, which is the scalar's message itself.
  return error.message.replace(/^Variable "\$\w+" got invalid value "[^"]*"; /, '').replace(/^Expected type "\w+"\. /, '');
}

/** Errors that are neither outages, refused ids nor an expired sign-in: shown as they are, with their code. */
export function otherErrors(errors: readonly GraphError[]): GraphError[] {
  return errors.filter((e) => {
    const code = e.extensions?.code ?? '';
    return !OUTAGE_CODES.has(code) && !INVALID_ID_CODES.has(code) && code !== 'UNAUTHENTICATED';
  });
}

import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { REGISTRIES, type RegistryName } from '../upstream/index.js';

export type RegistryErrorCode =
  | typeof ErrorCode.REGISTRY_UNAVAILABLE
  | typeof ErrorCode.REGISTRY_TIMEOUT
  | typeof ErrorCode.REGISTRY_BAD_RESPONSE;

/**
 * An upstream registry could not give a usable answer. It becomes the GraphQL error of exactly the fields
 * that needed the registry, so the rest of the answer still comes back; `extensions.registry` names it.
 */
export class RegistryError extends GraphQLError {
  readonly registry: RegistryName;

  constructor(registry: RegistryName, code: RegistryErrorCode, detail: string, status?: number) {
    super(`${REGISTRIES[registry].title}: ${detail}`, {
      extensions: { code, registry, ...(status === undefined ? {} : { upstreamStatus: status }) },
    });
    this.registry = registry;
  }
}

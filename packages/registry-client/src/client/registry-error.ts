import { REGISTRIES, type RegistryName } from '@egov/contracts';
import { ErrorCode } from '@egov/core';
import { GraphQLError } from 'graphql';

export type RegistryErrorCode = typeof ErrorCode.REGISTRY_UNAVAILABLE | typeof ErrorCode.REGISTRY_TIMEOUT | typeof ErrorCode.REGISTRY_BAD_RESPONSE;

export interface RegistryErrorDetail {
  /** HTTP status the registry answered with, when it answered. */
  status?: number;
  /** Worth retrying: the registry may answer next time (network, timeout, 5xx, 429). */
  transient?: boolean;
  /** The circuit breaker's state when the call was refused without trying. */
  circuit?: 'OPEN';
  retryAfterMs?: number;
  /**
   * Refused by our own cap on calls in flight (the queue was full, or the call waited its whole deadline for a
   * turn): the registry was not asked, so this says nothing about it being down.
   */
  overloaded?: boolean;
}

/**
 * An upstream registry could not give a usable answer. It becomes the GraphQL error of exactly the fields
 * that needed the registry, so the rest of the answer still comes back; `extensions.registry` names it.
 */
export class RegistryError extends GraphQLError {
  readonly registry: RegistryName;
  readonly transient: boolean;
  readonly status: number | undefined;
  /** Refused here, before the registry was asked (see RegistryErrorDetail.overloaded). */
  readonly overloaded: boolean;

  constructor(registry: RegistryName, code: RegistryErrorCode, detail: string, extra: RegistryErrorDetail = {}) {
    super(`${REGISTRIES[registry].title}: ${detail}`, {
      extensions: {
        code,
        registry,
        registryTitle: REGISTRIES[registry].title,
        ...(extra.status === undefined ? {} : { upstreamStatus: extra.status }),
        ...(extra.circuit ? { circuit: extra.circuit, retryAfterMs: extra.retryAfterMs } : {}),
      },
    });
    this.registry = registry;
    this.transient = extra.transient ?? false;
    this.status = extra.status;
    this.overloaded = extra.overloaded ?? false;
  }

  /** A sign the registry itself is unwell (not that we asked something wrong): counts towards opening the circuit. */
  get countsAgainstRegistry(): boolean {
    if (this.overloaded) return false;
    return this.transient || (this.extensions.code === ErrorCode.REGISTRY_BAD_RESPONSE && (this.status === undefined || this.status >= 500));
  }
}

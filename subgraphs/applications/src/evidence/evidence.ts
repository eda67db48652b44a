import { ErrorCode, graphqlError } from '@egov/core';
import type { RequestAuth } from '@egov/security';
import type { Pool, PoolClient } from '@egov/stores';
import { unknownApplication } from '../applications/service.js';
import type { StoredApplication } from '../applications/store.js';
import { evidenceBundle, type RecordedUnavailability, type SignedEvidence, signEvidence } from './bundle.js';
import type { EvidenceSigningKey } from './keys.js';
import { EvidenceStore } from './store.js';

/** How the applications service has an application's evidence signed and kept, inside its own transaction. */
export interface EvidenceRecorder {
  record(client: PoolClient, application: StoredApplication, unavailable?: readonly RecordedUnavailability[]): Promise<SignedEvidence>;
}

/**
 * Signed evidence (as X-Road's signed message log): at submission, the registry facts prefilled and the
 * receipt are signed with the service's key and stored with the application, in the transaction that stores
 * it; later the applicant or an officer of the handling agency fetches the signed bundle to keep or hand on.
 */
export class EvidenceService implements EvidenceRecorder {
  private readonly store: EvidenceStore;
  private readonly clock: () => Date;

  constructor(
    pool: Pool,
    private readonly key: EvidenceSigningKey,
    clock?: () => Date,
  ) {
    this.store = new EvidenceStore(pool);
    this.clock = clock ?? (() => new Date());
  }

  async record(client: PoolClient, application: StoredApplication, unavailable: readonly RecordedUnavailability[] = []): Promise<SignedEvidence> {
    const signed = signEvidence(evidenceBundle(application, this.clock(), this.key.keyId, unavailable), this.key);
    await this.store.insert(client, signed);
    return signed;
  }

  /**
   * The evidence of an application the caller may see (`visible`: the applicant, the head of a company
   * applying, officers of the agency handling it). Partner systems are answered as for an unknown number:
   * evidence is for the parties and those they hand it to.
   */
  async forCaller(
    number: string,
    auth: RequestAuth,
    visible: (number: string, auth: RequestAuth) => Promise<StoredApplication>,
  ): Promise<{ application: StoredApplication; evidence: SignedEvidence }> {
    const application = await visible(number, auth);
    if (auth.principal.kind === 'partner') throw unknownApplication();
    const evidence = await this.store.byNumber(number);
    if (!evidence) throw graphqlError(ErrorCode.NOT_FOUND, `Application ${number} was submitted before evidence was signed; it has none`, { field: 'number' });
    return { application, evidence };
  }
}

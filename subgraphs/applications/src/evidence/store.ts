import type { Pool, PoolClient } from '@egov/stores';
import type { SignedEvidence } from './bundle.js';

interface Row {
  number: string;
  bundle: string;
  algorithm: 'Ed25519';
  signature: string;
  key_id: string;
  public_key: string;
  signed_at: Date;
}

/** Signed evidence in applications.evidence, one row per application, written once. */
export class EvidenceStore {
  constructor(readonly pool: Pool) {}

  async insert(client: PoolClient, evidence: SignedEvidence): Promise<void> {
    await client.query(
      `INSERT INTO applications.evidence (number, bundle, algorithm, signature, key_id, public_key, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [evidence.number, evidence.bundle, evidence.algorithm, evidence.signature, evidence.keyId, evidence.publicKey, evidence.signedAt],
    );
  }

  async byNumber(number: string): Promise<SignedEvidence | null> {
    const { rows } = await this.pool.query<Row>(
      'SELECT number, bundle, algorithm, signature, key_id, public_key, signed_at FROM applications.evidence WHERE number = $1',
      [number],
    );
    const r = rows[0];
    return r
      ? {
          number: r.number,
          bundle: r.bundle,
          algorithm: r.algorithm,
          signature: r.signature,
          keyId: r.key_id,
          publicKey: r.public_key,
          signedAt: r.signed_at.toISOString(),
        }
      : null;
  }
}

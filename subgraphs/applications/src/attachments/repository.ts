import { randomBytes } from 'node:crypto';
import { inTransaction, type Pool, type PoolClient } from '@egov/stores';
import type { StoredBlob } from './blob-store.js';

export interface Attachment extends StoredBlob {
  id: string;
  documentId: string;
  fileName: string | null;
  uploadedAt: Date;
  applicationNumber: string | null;
  /** IIN of the person who uploaded it (the applicant or the head acting for a company). */
  uploadedBy: string | null;
}

interface Row {
  id: string;
  sha256: string;
  media_type: string;
  size_bytes: number;
  document_id: string;
  file_name: string | null;
  uploaded_at: Date;
  application_number: string | null;
  uploaded_by: string | null;
}

const fromRow = (row: Row): Attachment => ({
  id: row.id,
  sha256: row.sha256,
  mediaType: row.media_type as Attachment['mediaType'],
  size: row.size_bytes,
  documentId: row.document_id,
  fileName: row.file_name,
  uploadedAt: row.uploaded_at,
  applicationNumber: row.application_number,
  uploadedBy: row.uploaded_by,
});

export function newAttachmentId(): string {
  return `att_${randomBytes(12).toString('base64url')}`;
}

/** Attachment records in applications.attachments. */
export class AttachmentRepository {
  constructor(private readonly pool: Pool) {}

  insertAll(items: Omit<Attachment, 'uploadedAt' | 'applicationNumber'>[]): Promise<Attachment[]> {
    return inTransaction(this.pool, async (client) => {
      const saved: Attachment[] = [];
      for (const item of items) {
        const { rows } = await client.query<Row>(
          `INSERT INTO applications.attachments (id, sha256, media_type, size_bytes, document_id, file_name, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [item.id, item.sha256, item.mediaType, item.size, item.documentId, item.fileName, item.uploadedBy],
        );
        saved.push(fromRow(rows[0]!));
      }
      return saved;
    });
  }

  async findMany(ids: readonly string[], client: Pool | PoolClient = this.pool): Promise<Attachment[]> {
    if (ids.length === 0) return [];
    const { rows } = await client.query<Row>('SELECT * FROM applications.attachments WHERE id = ANY($1::text[])', [ids]);
    return rows.map(fromRow);
  }

  async ofApplication(number: string): Promise<Attachment[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM applications.attachments WHERE application_number = $1 ORDER BY document_id, id', [number]);
    return rows.map(fromRow);
  }

  /** Gives the scans to an application; a scan already taken by another application is not taken again. */
  async claim(client: PoolClient, ids: readonly string[], applicationNumber: string): Promise<number> {
    const result = await client.query(`UPDATE applications.attachments SET application_number = $2 WHERE id = ANY($1::text[]) AND application_number IS NULL`, [
      ids,
      applicationNumber,
    ]);
    return result.rowCount ?? 0;
  }
}

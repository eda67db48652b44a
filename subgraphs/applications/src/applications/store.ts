import type { Resource } from '@egov/security';
import type { Pool, PoolClient } from '@egov/stores';
import type { DraftField } from './prefill.js';

export type ApplicationStatus = 'SUBMITTED' | 'IN_REVIEW' | 'ISSUED' | 'REFUSED' | 'DEEMED_ISSUED';
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW'];

/** What authorization judges an application by: whose it is, which service, which region's authority. */
export const applicationResource = (a: StoredApplication): Resource => ({
  kind: 'application',
  applicantId: a.applicantId,
  serviceCode: a.serviceCode,
  region: a.applicantRegion,
});

export interface StoredApplication {
  number: string;
  serviceCode: string;
  action: string;
  applicantId: string;
  applicantKind: string;
  status: ApplicationStatus;
  submittedAt: Date;
  dueDate: string | null;
  deemedIssuedIfSilent: boolean;
  paymentId: string | null;
  idempotencyKey: string;
  requestHash: string;
  snapshot: unknown;
  fields: DraftField[];
  receipt: Receipt;
  decidedAt: Date | null;
  decidedBy: string | null;
  refusalGround: string | null;
  decisionNote: string | null;
  licenseNumber: string | null;
  /** Where the applicant is registered: akimats handle applications from their region. */
  applicantRegion: string | null;
  /** The applicant's signature (base64 CMS) and whom its certificate names. */
  signature: string | null;
  signer: unknown;
  decisionSignature: string | null;
  decisionSigner: unknown;
}

export interface ReceiptDocument {
  documentId: string;
  name: string;
  /**
   * ATTACHED: scans the applicant uploaded; FROM_REGISTRY: taken from a registry (summary says what);
   * SCAN_INSTEAD: the registry was down at submission and the office list's scan was attached in its place.
   */
  supply: 'ATTACHED' | 'FROM_REGISTRY' | 'BY_AUTHORITY' | 'FILLED_ONLINE' | 'SCAN_INSTEAD';
  attachmentIds: string[];
  registry: string | null;
  summary: string | null;
}

export interface Receipt {
  number: string;
  acceptedAt: string;
  serviceCode: string;
  serviceName: string;
  action: string;
  documents: ReceiptDocument[];
  expectedResultDate: string | null;
  expectedResultUnknownBecause: string | null;
  paymentId: string | null;
}

export interface StatusChange {
  at: Date;
  status: ApplicationStatus;
  actor: string;
  note: string | null;
}

interface Row {
  number: string;
  service_code: string;
  action: string;
  applicant_id: string;
  applicant_kind: string;
  status: ApplicationStatus;
  submitted_at: Date;
  due_date: string | null;
  deemed_issued_if_silent: boolean;
  payment_id: string | null;
  idempotency_key: string;
  request_hash: string;
  snapshot: unknown;
  fields: DraftField[];
  receipt: Receipt;
  decided_at: Date | null;
  decided_by: string | null;
  refusal_ground: string | null;
  decision_note: string | null;
  license_number: string | null;
  applicant_region: string | null;
  signature: string | null;
  signer: unknown;
  decision_signature: string | null;
  decision_signer: unknown;
}

const fromRow = (r: Row): StoredApplication => ({
  number: r.number,
  serviceCode: r.service_code,
  action: r.action,
  applicantId: r.applicant_id,
  applicantKind: r.applicant_kind,
  status: r.status,
  submittedAt: r.submitted_at,
  dueDate: r.due_date,
  deemedIssuedIfSilent: r.deemed_issued_if_silent,
  paymentId: r.payment_id,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  snapshot: r.snapshot,
  fields: r.fields,
  receipt: r.receipt,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  refusalGround: r.refusal_ground,
  decisionNote: r.decision_note,
  licenseNumber: r.license_number,
  applicantRegion: r.applicant_region,
  signature: r.signature,
  signer: r.signer,
  decisionSignature: r.decision_signature,
  decisionSigner: r.decision_signer,
});

// due_date comes back as text so no time zone can move the calendar date.
const COLUMNS = `number, service_code, action, applicant_id, applicant_kind, status, submitted_at, due_date::text AS due_date,
  deemed_issued_if_silent, payment_id, idempotency_key, request_hash, snapshot, fields, receipt, decided_at, decided_by,
  refusal_ground, decision_note, license_number, applicant_region, signature, signer, decision_signature, decision_signer`;

export type NewApplication = Omit<
  StoredApplication,
  'number' | 'status' | 'decidedAt' | 'decidedBy' | 'refusalGround' | 'decisionNote' | 'licenseNumber' | 'receipt' | 'decisionSignature' | 'decisionSigner'
>;

/** Applications and their history in applications.applications / applications.application_events. */
export class ApplicationStore {
  constructor(readonly pool: Pool) {}

  async byNumber(number: string, client: Pool | PoolClient = this.pool): Promise<StoredApplication | null> {
    const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM applications.applications WHERE number = $1`, [number]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async byIdempotencyKey(key: string): Promise<StoredApplication | null> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM applications.applications WHERE idempotency_key = $1`, [key]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async ofApplicants(applicantIds: readonly string[]): Promise<StoredApplication[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM applications.applications WHERE applicant_id = ANY($1::text[]) ORDER BY submitted_at DESC, number DESC`,
      [applicantIds],
    );
    return rows.map(fromRow);
  }

  /** Payments our applications already took: a payment pays for one application only. */
  async usedPaymentIds(payerId: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ payment_id: string }>(
      'SELECT payment_id FROM applications.applications WHERE applicant_id = $1 AND payment_id IS NOT NULL',
      [payerId],
    );
    return new Set(rows.map((r) => r.payment_id));
  }

  async nextNumber(client: PoolClient, year: number): Promise<string> {
    const { rows } = await client.query<{ n: string }>(`SELECT nextval('applications.application_serial')::text AS n`);
    return `EL-${year}-${rows[0]!.n.padStart(7, '0')}`;
  }

  async insert(client: PoolClient, number: string, app: NewApplication, receipt: Receipt): Promise<void> {
    await client.query(
      `INSERT INTO applications.applications
        (number, service_code, action, applicant_id, applicant_kind, status, submitted_at, due_date, deemed_issued_if_silent,
         payment_id, idempotency_key, request_hash, snapshot, fields, receipt, applicant_region, signature, signer)
       VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        number,
        app.serviceCode,
        app.action,
        app.applicantId,
        app.applicantKind,
        app.submittedAt,
        app.dueDate,
        app.deemedIssuedIfSilent,
        app.paymentId,
        app.idempotencyKey,
        app.requestHash,
        JSON.stringify(app.snapshot),
        JSON.stringify(app.fields),
        JSON.stringify(receipt),
        app.applicantRegion,
        app.signature,
        JSON.stringify(app.signer),
      ],
    );
    await this.recordEvent(client, number, 'SUBMITTED', 'applicant', null);
  }

  async recordEvent(client: Pool | PoolClient, number: string, status: ApplicationStatus, actor: string, note: string | null): Promise<void> {
    await client.query('INSERT INTO applications.application_events (number, status, actor, note) VALUES ($1, $2, $3, $4)', [number, status, actor, note]);
  }

  /**
   * Moves an application from one of `from` to `to`, atomically: when two officers (or an officer and the
   * deemed-issue sweep) act at once, exactly one wins and the other sees null.
   */
  async transition(
    client: PoolClient,
    number: string,
    from: readonly ApplicationStatus[],
    to: ApplicationStatus,
    actor: string,
    decision: {
      refusalGround?: string | null;
      note?: string | null;
      licenseNumber?: string | null;
      decided?: boolean;
      signature?: string | null;
      signer?: unknown;
    } = {},
  ): Promise<StoredApplication | null> {
    const { rows } = await client.query<Row>(
      `UPDATE applications.applications SET status = $3,
         decided_at = CASE WHEN $4 THEN now() ELSE decided_at END,
         decided_by = CASE WHEN $4 THEN $5 ELSE decided_by END,
         refusal_ground = COALESCE($6, refusal_ground), decision_note = COALESCE($7, decision_note),
         license_number = COALESCE($8, license_number),
         decision_signature = COALESCE($9, decision_signature), decision_signer = COALESCE($10::jsonb, decision_signer)
       WHERE number = $1 AND status = ANY($2::text[])
       RETURNING ${COLUMNS}`,
      [
        number,
        from,
        to,
        decision.decided ?? false,
        actor,
        decision.refusalGround ?? null,
        decision.note ?? null,
        decision.licenseNumber ?? null,
        decision.signature ?? null,
        decision.signer === undefined ? null : JSON.stringify(decision.signer),
      ],
    );
    if (!rows[0]) return null;
    await this.recordEvent(client, number, to, actor, decision.note ?? decision.refusalGround ?? null);
    return fromRow(rows[0]);
  }

  async history(number: string): Promise<StatusChange[]> {
    const { rows } = await this.pool.query<StatusChange & { at: Date }>(
      'SELECT at, status, actor, note FROM applications.application_events WHERE number = $1 ORDER BY id',
      [number],
    );
    return rows;
  }

  /** An agency's work queue: its services (and, for an akimat, its region), oldest first. */
  async forAgency(services: readonly string[], region: string | null, statuses: readonly ApplicationStatus[], first: number): Promise<StoredApplication[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM applications.applications
       WHERE service_code = ANY($1::text[]) AND ($2::text IS NULL OR applicant_region = $2) AND status = ANY($3::text[])
       ORDER BY submitted_at, number LIMIT $4`,
      [services, region, statuses, Math.min(first, 500)],
    );
    return rows.map(fromRow);
  }

  /** Open applications whose standard deems them issued when the authority is silent past `today`. */
  async silentPastDeadline(today: string): Promise<StoredApplication[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM applications.applications
       WHERE status = ANY($1::text[]) AND deemed_issued_if_silent AND due_date < $2::date ORDER BY due_date LIMIT 500`,
      [OPEN_STATUSES, today],
    );
    return rows.map(fromRow);
  }
}

import { createHash } from 'node:crypto';
import { type ApplicantRef, applicantIdOf, type IssueLicenseRequest } from '@egov/contracts';
import { canonicalBytes, canonicalJson, codeOf, ErrorCode, graphqlError, kzDate, type Logger, notFound } from '@egov/core';
import type { Catalog, CatalogEntry, FeeSchedule, WorkingCalendar } from '@egov/domain';
import { type ConcurrencyLimit, LimitExceeded } from '@egov/registry-client';
import type { RequestAuth } from '@egov/security';
import { applicationPayload, decisionPayload, type SignatureVerification, type TrustStore, verifyDetachedSignature } from '@egov/security/signatures';
import { type IdempotencyStore, type IdempotencyTiming, idempotencyKeyProblem, inTransaction, type PoolClient, runOnce } from '@egov/stores';
import { GraphQLError } from 'graphql';
import type { Attachment, AttachmentRepository } from '../attachments/index.js';
import { feeProblemsWhilePaymentsDown, type RecordedOutage as RegistryOutageRecord, recordOutages } from '../degraded/draft.js';
import { RegistryChecks } from '../degraded/registry-checks.js';
import { Outbox } from '../delivery/outbox.js';
import { deliveryPayload } from '../delivery/payload.js';
import type { ApplicationsRegistry } from '../registry/index.js';
import { buildDraft, type Draft, findAction } from './draft.js';
import { type Problem, problem } from './problems.js';
import { type ApplicationStore, applicationResource, OPEN_STATUSES, type Receipt, type ReceiptDocument, type StoredApplication } from './store.js';

export interface SubmitInput {
  serviceCode: string;
  action: string;
  applicant: ApplicantRef;
  attachmentIds: string[];
  paymentId: string | null;
  idempotencyKey: string;
  /** Values the applicant typed for fields no registry holds, by field id. */
  fields: { fieldId: string; value: string }[];
  /** The applicant's detached CMS signature over the canonical payload (base64). */
  signature: string;
  /** IIN of the person submitting (their scans are the only ones they may attach). */
  submittedBy: string | null;
}

export type SubmitResult = { kind: 'accepted'; application: StoredApplication; replayed: boolean } | { kind: 'rejected'; problems: Problem[] };

export interface Decision {
  outcome: 'ISSUE' | 'REFUSE';
  refusalGround: string | null;
  note: string | null;
}

export interface ApplicationServiceDeps {
  catalog: Catalog;
  fees: FeeSchedule;
  calendar: WorkingCalendar;
  /** The registries: the applicant read fresh, licences issued in Е-лицензирование. */
  registry: ApplicationsRegistry;
  store: ApplicationStore;
  attachments: AttachmentRepository;
  logger: Logger;
  clock?: () => Date;
  /** Scans one application may carry. */
  maxAttachments?: number;
  /** Told after an application is committed (the outbox delivers it at once rather than on its next poll). */
  onAccepted?: (number: string) => void;
  /** A fast gate for concurrent retries (Redis); the database's unique key stays the final guard. */
  idempotency?: IdempotencyStore;
  /** The gate's lease and how long a duplicate waits (defaults: 10 s and 3 s). */
  idempotencyTiming?: Partial<IdempotencyTiming>;
  /**
   * How many submissions do their work (registry reads, the signature check, the transaction) at once; the
   * rest wait their turn briefly and are then told OVERLOADED (retry). Under a flood of retries this keeps
   * each admitted submission fast enough to answer before the gateway gives up, instead of every one
   * sharing the CPU until none does. No limit when unset.
   */
  admission?: ConcurrencyLimit;
  /** Trusted roots, intermediates and revocation lists for signatures (ЭЦП). */
  trust: () => Promise<TrustStore>;
  /** Signs the registry facts and the receipt and keeps them with the application, in its transaction (evidence/). */
  evidence: { record(client: PoolClient, application: StoredApplication, unavailable: readonly RegistryOutageRecord[]): Promise<unknown> };
  /** Degraded mode: refuses a decision while a registry that was down at submission has not been read again. */
  registryChecks?: Pick<RegistryChecks, 'requireChecked'>;
}

const SIGNATURE_PROBLEMS: Record<string, Problem['code']> = {
  SIGNER_MISMATCH: 'SIGNER_MISMATCH',
  CERTIFICATE_REVOKED: 'CERTIFICATE_REVOKED',
  CERTIFICATE_EXPIRED: 'CERTIFICATE_EXPIRED',
  CERTIFICATE_NOT_YET_VALID: 'CERTIFICATE_EXPIRED',
  CERTIFICATE_UNTRUSTED: 'CERTIFICATE_UNTRUSTED',
};

function canonicalHash(input: SubmitInput): string {
  const canonical = {
    serviceCode: input.serviceCode,
    action: input.action,
    applicant: applicantIdOf(input.applicant),
    attachmentIds: [...input.attachmentIds].sort(),
    paymentId: input.paymentId,
    fields: [...input.fields].sort((a, b) => a.fieldId.localeCompare(b.fieldId)),
  };
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex');
}

/** The same idempotency key came with a different application: said the same way wherever it is found. */
const keyReused = () =>
  problem('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different application; use a new key for a new application', 'idempotencyKey');

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === constraint;

/**
 * The applications flow: a draft from the registries, a submission that re-reads them and keeps what it
 * read, and the officer's decisions. Submissions are idempotent per key; a receipt is returned only after
 * the application is committed.
 */
export class ApplicationService {
  private readonly clock: () => Date;

  constructor(private readonly deps: ApplicationServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  service(code: string): CatalogEntry {
    const entry = this.deps.catalog.byCode(code);
    if (!entry) throw graphqlError(ErrorCode.NOT_FOUND, 'No public service with this code in the catalog', { field: 'serviceCode' });
    return entry;
  }

  async draft(serviceCode: string, actionKind: string, applicant: ApplicantRef): Promise<Draft> {
    const entry = this.service(serviceCode);
    const action = findAction(entry, actionKind);
    if (!action) {
      throw graphqlError(ErrorCode.BAD_USER_INPUT, `This service has no action ${actionKind}; it offers ${entry.actions.map((a) => a.kind).join(', ')}`, {
        field: 'action',
      });
    }
    const now = this.clock();
    const snapshot = await this.deps.registry.readApplicant(applicant, now);
    if (!snapshot) throw notFound(applicant.kind === 'IIN' ? 'person' : 'legal entity', applicant.kind === 'IIN' ? 'individuals' : 'legal-entities');
    return buildDraft(entry, action, snapshot, now, await this.deps.store.usedPaymentIds(snapshot.id), this.deps);
  }

  async submit(input: SubmitInput): Promise<SubmitResult> {
    const badKey = idempotencyKeyProblem(input.idempotencyKey);
    if (badKey) return { kind: 'rejected', problems: [problem('INVALID_IDEMPOTENCY_KEY', badKey, 'idempotencyKey')] };
    const requestHash = canonicalHash(input);
    // A retry of an application already filed is answered from the database at once, without waiting a turn.
    const earlier = await this.replay(input.idempotencyKey, requestHash);
    if (earlier) return earlier;
    const { admission } = this.deps;
    if (!admission) return this.submitGated(input, requestHash);
    let admitted = false;
    try {
      return await admission.run(() => {
        admitted = true;
        return this.submitGated(input, requestHash);
      });
    } catch (error) {
      if (!admitted && error instanceof LimitExceeded) {
        throw graphqlError(
          ErrorCode.OVERLOADED,
          'Too many submissions are being processed right now; nothing was done with this one. Retry shortly with the same idempotency key',
          { retryable: true },
        );
      }
      throw error;
    }
  }

  /** A submission that has its turn: the idempotency gate, then the work. */
  private async submitGated(input: SubmitInput, requestHash: string): Promise<SubmitResult> {
    if (!this.deps.idempotency) return this.submitOnce(input, requestHash);
    try {
      let filed = null as StoredApplication | null;
      const { result, replayed } = await runOnce(
        this.deps.idempotency,
        `submit:${input.idempotencyKey}`,
        requestHash,
        async () => {
          const outcome = await this.submitOnce(input, requestHash);
          // A refusal is not an action taken: the key stays free for a corrected request.
          if (outcome.kind === 'rejected') throw new Refused(outcome);
          filed = outcome.application;
          return { number: outcome.application.number, replayed: outcome.replayed };
        },
        {
          ttlMs: 24 * 3600_000,
          ...this.deps.idempotencyTiming,
          // The key is held by another attempt, perhaps by a process that died after committing, or one that
          // committed while Redis could not be told: the committed application in PostgreSQL is the answer.
          recorded: async () => {
            const earlier = await this.replay(input.idempotencyKey, requestHash);
            if (earlier?.kind === 'rejected') throw new Refused(earlier);
            if (!earlier) return null;
            filed = earlier.application;
            return { number: earlier.application.number, replayed: true };
          },
        },
      );
      // Only a replay from the idempotency store (another process filed it) needs the application read back.
      const application = filed ?? (await this.deps.store.byNumber(result.number))!;
      return { kind: 'accepted', application, replayed: replayed || result.replayed };
    } catch (error) {
      if (error instanceof Refused) return error.outcome;
      if (codeOf(error) === ErrorCode.IDEMPOTENCY_KEY_REUSED) {
        return {
          kind: 'rejected',
          problems: [keyReused()],
        };
      }
      if (codeOf(error) === ErrorCode.IDEMPOTENCY_IN_PROGRESS) {
        return {
          kind: 'rejected',
          problems: [
            problem(
              'IDEMPOTENCY_IN_PROGRESS',
              'The first submission with this key is still being processed; retry with the same key shortly',
              'idempotencyKey',
            ),
          ],
        };
      }
      throw error;
    }
  }

  private async submitOnce(input: SubmitInput, requestHash: string): Promise<SubmitResult> {
    const earlier = await this.replay(input.idempotencyKey, requestHash);
    if (earlier) return earlier;

    const entry = this.deps.catalog.byCode(input.serviceCode);
    if (!entry) return { kind: 'rejected', problems: [problem('UNKNOWN_SERVICE', 'No public service with this code in the catalog', 'serviceCode')] };
    const action = findAction(entry, input.action);
    if (!action)
      return { kind: 'rejected', problems: [problem('UNKNOWN_ACTION', `This service offers ${entry.actions.map((a) => a.kind).join(', ')}`, 'action')] };

    let draft: Draft;
    try {
      const now = this.clock();
      const snapshot = await this.deps.registry.readApplicant(input.applicant, now);
      if (!snapshot) return { kind: 'rejected', problems: [problem('APPLICANT_NOT_FOUND', 'No registry holds this IIN/BIN', 'applicantId')] };
      draft = buildDraft(entry, action, snapshot, now, await this.deps.store.usedPaymentIds(snapshot.id), this.deps);
    } catch (error) {
      if (error instanceof GraphQLError && String(error.extensions.code).startsWith('REGISTRY_')) {
        return { kind: 'rejected', problems: [problem('REGISTRY_UNAVAILABLE', `${error.message}. Nothing was submitted; try again shortly`, null)] };
      }
      throw error;
    }

    // Someone else's scans are treated as unknown: their existence is not ours to reveal.
    const scans = (await this.deps.attachments.findMany([...new Set(input.attachmentIds)])).filter((a) => a.uploadedBy === input.submittedBy);
    const problems = [
      ...draft.reasons,
      ...this.checkAttachments(draft, input.attachmentIds, scans),
      ...this.checkRegistryFacts(draft),
      ...(feeProblemsWhilePaymentsDown(draft.registryOutages, draft.fee.kind) ?? this.checkFee(draft, input.paymentId)),
    ];
    const signed = await this.checkSignature(input, scans);
    if (!signed.ok) problems.push(problem(SIGNATURE_PROBLEMS[signed.code] ?? 'SIGNATURE_INVALID', signed.message, 'signature'));
    // A concurrent retry with this key may have been filed while we checked (and taken the scans and payment).
    if (problems.length > 0 || !signed.ok) return (await this.replay(input.idempotencyKey, requestHash)) ?? { kind: 'rejected', problems };
    return this.store(draft, input, requestHash, signed.signer, scans);
  }

  private async replay(key: string, requestHash: string): Promise<SubmitResult | null> {
    const existing = await this.deps.store.byIdempotencyKey(key);
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      return {
        kind: 'rejected',
        problems: [keyReused()],
      };
    }
    return { kind: 'accepted', application: existing, replayed: true };
  }

  /**
   * The signature of the person submitting, over exactly this request: for a company, by a certificate
   * issued for its BIN to that person (whoever else holds one of the company's certificates is not the one
   * acting here).
   */
  private async checkSignature(input: SubmitInput, scans: readonly Attachment[]): Promise<SignatureVerification> {
    const applicantId = applicantIdOf(input.applicant);
    const payload = applicationPayload({
      serviceCode: input.serviceCode,
      action: input.action,
      applicantId,
      idempotencyKey: input.idempotencyKey,
      paymentId: input.paymentId,
      attachments: scans.map((s) => ({ id: s.id, sha256: s.sha256 })),
      fields: input.fields,
    });
    const expect =
      input.applicant.kind === 'IIN' ? { iin: input.applicant.iin } : { bin: input.applicant.bin, ...(input.submittedBy ? { iin: input.submittedBy } : {}) };
    return verifyDetachedSignature({ payload: canonicalBytes(payload), signature: input.signature, trust: await this.deps.trust(), at: this.clock(), expect });
  }

  /** `scans` are the submitter's own uploads among `ids`. */
  private checkAttachments(draft: Draft, ids: string[], scans: readonly Attachment[]): Problem[] {
    const problems: Problem[] = [];
    const unique = [...new Set(ids)];
    const max = this.deps.maxAttachments ?? 50;
    if (unique.length > max) return [problem('UNEXPECTED_ATTACHMENT', `At most ${max} scans per application`, 'attachmentIds')];
    const byId = new Map(scans.map((a) => [a.id, a]));
    const allowed = new Set(draft.documents.filter((d) => d.document.supply === 'ATTACH').map((d) => d.document.id));
    const covered = new Set<string>();
    for (const id of unique) {
      const attachment = byId.get(id);
      if (!attachment) problems.push(problem('UNKNOWN_ATTACHMENT', `No uploaded scan ${id}`, 'attachmentIds'));
      else if (attachment.applicationNumber)
        problems.push(problem('ATTACHMENT_IN_USE', `Scan ${id} already belongs to application ${attachment.applicationNumber}`, 'attachmentIds'));
      else if (!allowed.has(attachment.documentId))
        problems.push(problem('UNEXPECTED_ATTACHMENT', `Scan ${id} is for "${attachment.documentId}", which this application does not take`, 'attachmentIds'));
      else covered.add(attachment.documentId);
    }
    for (const need of draft.documents.filter((d) => d.status === 'ATTACH_NEEDED' && !covered.has(d.document.id))) {
      problems.push(problem('MISSING_ATTACHMENT', `Attach a scan of: ${need.document.name.en} (upload it as "${need.document.id}")`, 'attachmentIds'));
    }
    return problems;
  }

  private checkRegistryFacts(draft: Draft): Problem[] {
    return draft.documents
      .filter((d) => d.status === 'REGISTRY_UNAVAILABLE' && d.document.registryFact !== 'FEE_PAYMENT')
      .map((d) =>
        problem('REGISTRY_FACT_UNAVAILABLE', `${d.document.name.en}: ${d.fact && !d.fact.available ? d.fact.reason : 'not available'}`, 'applicantId'),
      );
  }

  private checkFee(draft: Draft, paymentId: string | null): Problem[] {
    if (draft.fee.kind === 'FREE') return paymentId ? [problem('PAYMENT_NOT_USABLE', 'The service is free; no payment is taken', 'paymentId')] : [];
    if (paymentId && draft.fee.payment?.id !== paymentId) {
      const usable = draft.snapshot.payments.some((p) => p.id === paymentId) && draft.fee.payment !== null;
      if (!usable) return [problem('PAYMENT_NOT_USABLE', 'That payment is not a paid, unused fee for this service and action by this applicant', 'paymentId')];
    }
    if (!draft.fee.payment) {
      const amount = draft.fee.amountTiyn === null ? '' : ` of ${(draft.fee.amountTiyn / 100).toFixed(2)} KZT`;
      return [problem('FEE_NOT_PAID', `The fee${amount} for this service is not paid yet (initiatePayment, then pay through ПШЭП)`, 'paymentId')];
    }
    return [];
  }

  private receiptOf(number: string, draft: Draft, documentsOfAttachments: Map<string, string[]>): Receipt {
    const documents = draft.documents.map((d) => {
      const attached = documentsOfAttachments.get(d.document.id) ?? [];
      const supply: ReceiptDocument['supply'] =
        attached.length > 0
          ? 'ATTACHED'
          : d.status === 'BY_AUTHORITY' || d.status === 'FILLED_ONLINE' || d.status === 'SCAN_INSTEAD'
            ? d.status
            : 'FROM_REGISTRY';
      return {
        documentId: d.document.id,
        name: d.document.name.en,
        supply,
        attachmentIds: attached,
        registry: supply === 'FROM_REGISTRY' || supply === 'SCAN_INSTEAD' ? d.document.registry : null,
        summary: d.fact?.available ? d.fact.summary : null,
      };
    });
    return {
      number,
      acceptedAt: draft.snapshot.readAt,
      serviceCode: draft.entry.code,
      serviceName: draft.entry.names.en,
      action: draft.action.kind,
      documents,
      expectedResultDate: draft.expectedResult.due?.dueDate ?? null,
      expectedResultUnknownBecause: draft.expectedResult.unknownBecause,
      paymentId: draft.fee.payment?.id ?? null,
    };
  }

  /** Runs only when every scan checked out, so `attachments` are exactly the submitted ones. */
  private async store(
    draft: Draft,
    input: SubmitInput,
    requestHash: string,
    signer: Extract<SignatureVerification, { ok: true }>['signer'],
    attachments: readonly Attachment[],
  ): Promise<SubmitResult> {
    const ids = [...new Set(input.attachmentIds)];
    const byDocument = new Map<string, string[]>();
    for (const a of attachments) byDocument.set(a.documentId, [...(byDocument.get(a.documentId) ?? []), a.id]);
    const typed = new Map(input.fields.map((f) => [f.fieldId, f.value]));
    const fields = draft.fields.map((f) =>
      f.source === null && f.filledBy === 'APPLICANT' && typed.has(f.fieldId) ? { ...f, value: typed.get(f.fieldId)! } : f,
    );
    const submittedAt = new Date(draft.snapshot.readAt);
    const region = draft.snapshot.entity?.legalAddress.region ?? draft.snapshot.person?.address?.region ?? null;
    const year = Number(kzDate(submittedAt).slice(0, 4));
    try {
      const application = await inTransaction(this.deps.store.pool, async (client) => {
        const number = await this.deps.store.nextNumber(client, year);
        const receipt = this.receiptOf(number, draft, byDocument);
        await this.deps.store.insert(
          client,
          number,
          {
            serviceCode: draft.entry.code,
            action: draft.action.kind,
            applicantId: draft.snapshot.id,
            applicantKind: draft.recipientKind,
            submittedAt,
            dueDate: draft.expectedResult.due?.dueDate ?? null,
            deemedIssuedIfSilent: draft.action.deadline.deemedIssuedIfSilent,
            paymentId: draft.fee.payment?.id ?? null,
            idempotencyKey: input.idempotencyKey,
            requestHash,
            snapshot: {
              applicant: draft.snapshot,
              documents: draft.documents.map((d) => ({ documentId: d.document.id, status: d.status, fact: d.fact })),
              fee: draft.fee,
              expectedResult: draft.expectedResult,
            },
            fields,
            applicantRegion: region,
            signature: input.signature,
            signer,
          },
          receipt,
        );
        if ((await this.deps.attachments.claim(client, ids, number)) !== ids.length) throw new AttachmentRace();
        const stored = (await this.deps.store.byNumber(number, client))!;
        const outages = recordOutages(draft.registryOutages);
        await this.deps.evidence.record(client, stored, outages);
        await Outbox.enqueue(client, deliveryPayload(stored, attachments));
        await RegistryChecks.enqueue(client, number, outages);
        return stored;
      });
      // `service` is the process's name on every line; the catalog code has a field of its own.
      this.deps.logger.info('application accepted', { number: application.number, serviceCode: application.serviceCode, action: application.action });
      this.deps.onAccepted?.(application.number);
      return { kind: 'accepted', application, replayed: false };
    } catch (error) {
      if (isUniqueViolation(error, 'applications_idempotency_key_key')) return (await this.replay(input.idempotencyKey, requestHash))!;
      if (isUniqueViolation(error, 'applications_payment'))
        return { kind: 'rejected', problems: [problem('PAYMENT_NOT_USABLE', 'That payment was just taken by another application', 'paymentId')] };
      if (error instanceof AttachmentRace) {
        return (
          (await this.replay(input.idempotencyKey, requestHash)) ?? {
            kind: 'rejected',
            problems: [problem('ATTACHMENT_IN_USE', 'A scan was just taken by another application; nothing was submitted', 'attachmentIds')],
          }
        );
      }
      throw error;
    }
  }

  /**
   * Only an officer holding `role` may act, and only on an application their agency handles; one it does
   * not handle is answered as an unknown number.
   */
  private async officerActing(auth: RequestAuth, number: string, role: string): Promise<StoredApplication> {
    const officer = auth.principal;
    if (officer.kind !== 'officer' || !officer.roles.includes(role)) {
      throw graphqlError(officer.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, `Only an officer with the ${role} role may do this`);
    }
    return this.visible(number, auth);
  }

  async startReview(number: string, auth: RequestAuth): Promise<StoredApplication> {
    await this.officerActing(auth, number, auth.principal.roles.includes('decider') ? 'decider' : 'reviewer');
    return this.move(number, ['SUBMITTED'], 'IN_REVIEW', auth.principal.id, {});
  }

  async decide(number: string, decision: Decision, auth: RequestAuth, signature: string): Promise<StoredApplication> {
    const application = await this.officerActing(auth, number, 'decider');
    await this.deps.registryChecks?.requireChecked(number);
    const officerIin = auth.principal.iin!;
    const payload = decisionPayload({ number, outcome: decision.outcome, refusalGround: decision.refusalGround, note: decision.note, officerId: officerIin });
    const verified = await verifyDetachedSignature({
      payload: canonicalBytes(payload),
      signature,
      trust: await this.deps.trust(),
      at: this.clock(),
      expect: { iin: officerIin },
    });
    if (!verified.ok)
      throw graphqlError(ErrorCode.SIGNATURE_REJECTED, `The decision's signature is not acceptable: ${verified.message}`, {
        reason: verified.code,
        field: 'signature',
      });
    const signed = { signature, signer: verified.signer };
    const actor = auth.principal.id;
    const entry = this.service(application.serviceCode);
    if (decision.outcome === 'REFUSE') {
      const ground = entry.refusalGrounds.find(
        (g) => g.code === decision.refusalGround && (g.actions === null || g.actions.includes(application.action as never)),
      );
      if (!ground) {
        throw graphqlError(
          ErrorCode.BAD_USER_INPUT,
          `A refusal must name one of the standard's grounds: ${entry.refusalGrounds.map((g) => g.code).join(', ')}`,
          { field: 'refusalGround' },
        );
      }
      return this.move(number, OPEN_STATUSES, 'REFUSED', actor, { refusalGround: ground.code, note: decision.note, decided: true, ...signed });
    }
    if (!OPEN_STATUSES.includes(application.status)) throw this.notOpen(application);
    const licenseNumber = await this.issueLicence(application, entry);
    return this.move(number, OPEN_STATUSES, 'ISSUED', actor, { note: decision.note, licenseNumber, decided: true, ...signed });
  }

  /** Applications whose standard deems them issued when the authority stays silent past the deadline. */
  async applyDeemedIssuance(): Promise<string[]> {
    const today = kzDate(this.clock());
    const done: string[] = [];
    for (const application of await this.deps.store.silentPastDeadline(today)) {
      const { number } = application;
      try {
        const licenseNumber = await this.issueLicence(application, this.service(application.serviceCode));
        await this.move(number, OPEN_STATUSES, 'DEEMED_ISSUED', 'deadline', {
          note: `No decision by ${application.dueDate}: deemed issued under the standard`,
          licenseNumber,
          decided: true,
        });
        done.push(number);
      } catch (error) {
        this.deps.logger.warn('deemed issuance postponed', { number, error });
      }
    }
    return done;
  }

  /** An issued licence is recorded in Е-лицензирование (idempotently, keyed by the application number). */
  private async issueLicence(application: StoredApplication, entry: CatalogEntry): Promise<string | null> {
    if (!entry.licenceActivity || application.action !== 'ISSUE') return null;
    const body: IssueLicenseRequest = {
      holderId: application.applicantId,
      activityCode: entry.licenceActivity,
      subtypeCodes: [],
      territory: 'Республика Казахстан',
      issuedOn: kzDate(this.clock()),
    };
    return (await this.deps.registry.issueLicence(application.number, body)).number;
  }

  private async move(
    number: string,
    from: readonly StoredApplication['status'][],
    to: StoredApplication['status'],
    actor: string,
    decision: Parameters<ApplicationStore['transition']>[5],
  ): Promise<StoredApplication> {
    const moved = await inTransaction(this.deps.store.pool, (client) => this.deps.store.transition(client, number, from, to, actor, decision));
    if (moved) return moved;
    throw this.notOpen(await this.mustGet(number));
  }

  private notOpen(application: StoredApplication): GraphQLError {
    return graphqlError(ErrorCode.BAD_USER_INPUT, `Application ${application.number} is ${application.status}; that step is not possible now`, {
      field: 'number',
      status: application.status,
    });
  }

  async get(number: string): Promise<StoredApplication | null> {
    return this.deps.store.byNumber(number);
  }

  /**
   * An application by number, for `application(number)`, `_entities` and officers' steps alike. To a caller
   * who may not see it, it is answered exactly as an unknown number: application numbers are not to be probed.
   */
  async visible(number: string, auth: RequestAuth): Promise<StoredApplication> {
    auth.requireSignedIn();
    const application = await this.deps.store.byNumber(number);
    if (!application || !(await auth.mayRead(applicationResource(application)))) throw unknownApplication();
    return application;
  }

  private async mustGet(number: string): Promise<StoredApplication> {
    const application = await this.deps.store.byNumber(number);
    if (!application) throw unknownApplication();
    return application;
  }
}

export const unknownApplication = () => graphqlError(ErrorCode.NOT_FOUND, 'No application with this number (that you may see)', { field: 'number' });

class AttachmentRace extends Error {}

class Refused extends Error {
  constructor(readonly outcome: SubmitResult) {
    super('refused');
  }
}

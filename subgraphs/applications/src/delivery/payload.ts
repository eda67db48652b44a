import type { DeliverApplicationRequest } from '@egov/contracts';
import type { StoredApplication } from '../applications/store.js';
import type { Attachment } from '../attachments/index.js';

/** What Е-лицензирование receives for an accepted application: its receipt's documents, each scan by hash. */
export function deliveryPayload(application: StoredApplication, scans: readonly Attachment[]): DeliverApplicationRequest {
  return {
    number: application.number,
    serviceCode: application.serviceCode,
    action: application.action,
    applicantId: application.applicantId,
    submittedAt: application.submittedAt.toISOString(),
    dueDate: application.dueDate,
    paymentId: application.paymentId,
    documents: application.receipt.documents.map((d) => ({
      documentId: d.documentId,
      supply: d.supply,
      attachments: scans.filter((s) => d.attachmentIds.includes(s.id)).map((s) => ({ id: s.id, sha256: s.sha256, mediaType: s.mediaType })),
    })),
  };
}

import { PAYMENT_ID } from '@egov/contracts';
import { BASE64_SIGNATURE, FREE_TEXT, type InputRules, KEBAB_CODE, OPAQUE_KEY, SNAKE_CODE, shaped } from '@egov/subgraph-kit';

/** Our application numbers: EL-<year>-<7-digit serial> (ApplicationStore.nextNumber). */
const applicationNumber = shaped('an application number, EL-YYYY-NNNNNNN', /^EL-\d{4}-\d{7}$/);
/** Our scan ids: att_ and url-safe characters (newAttachmentId); one of that shape we never issued is UNKNOWN_ATTACHMENT. */
const attachmentId = shaped('a scan id from POST /attachments (att_...)', /^att_[A-Za-z0-9_-]{1,64}$/);

/** The strings this subgraph takes that are not one line of text or a plain id (see guardInputs). */
export const inputRules: InputRules = {
  'Query.publicService(code:)': KEBAB_CODE,
  'Query.applicationDraft(serviceCode:)': KEBAB_CODE,
  'Query.application(number:)': applicationNumber,
  'Query.applicationEvidence(number:)': applicationNumber,
  'Mutation.startReview(number:)': applicationNumber,
  'Application.number': applicationNumber,
  'SubmitApplicationInput.serviceCode': KEBAB_CODE,
  'SubmitApplicationInput.attachmentIds': attachmentId,
  'SubmitApplicationInput.paymentId': shaped('a ПШЭП payment id (letters, digits and -)', PAYMENT_ID),
  'SubmitApplicationInput.idempotencyKey': OPAQUE_KEY,
  'SubmitApplicationInput.signature': BASE64_SIGNATURE,
  'FieldValueInput.fieldId': KEBAB_CODE,
  // What the applicant typed (an address, activity details) may span lines.
  'FieldValueInput.value': FREE_TEXT,
  'DecideApplicationInput.number': applicationNumber,
  'DecideApplicationInput.refusalGround': SNAKE_CODE,
  'DecideApplicationInput.note': FREE_TEXT,
  'DecideApplicationInput.signature': BASE64_SIGNATURE,
};

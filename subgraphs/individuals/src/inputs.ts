import { CONSENT_ID } from '@egov/contracts';
import { DIGITS, type InputRules, shaped } from '@egov/subgraph-kit';

/** The strings this subgraph takes that are not one line of text or a plain id (see guardInputs). */
export const inputRules: InputRules = {
  // Pages go by audit record id.
  'Query.myDataAccessLog(before:)': DIGITS,
  'Query.dataAccessLog(before:)': DIGITS,
  'Mutation.withdrawConsent(id:)': shaped('a consent id of the access control service (letters, digits and -)', CONSENT_ID),
};

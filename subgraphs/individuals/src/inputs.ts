import { DIGITS, type InputRules } from '@egov/subgraph-kit';

/** The strings this subgraph takes that are not one line of text or a plain id (see guardInputs). */
export const inputRules: InputRules = {
  // Pages go by audit record id.
  'Query.myDataAccessLog(before:)': DIGITS,
  'Query.dataAccessLog(before:)': DIGITS,
};

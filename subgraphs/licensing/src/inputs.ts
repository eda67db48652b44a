import { LICENCE_NUMBER } from '@egov/contracts';
import { type InputRules, shaped } from '@egov/subgraph-kit';

const licenceNumber = shaped('a licence number (letters, digits and -)', LICENCE_NUMBER);

/** The strings this subgraph takes that are not one line of text or a plain id (see guardInputs). */
export const inputRules: InputRules = {
  'Query.license(number:)': licenceNumber,
  'License.number': licenceNumber,
};

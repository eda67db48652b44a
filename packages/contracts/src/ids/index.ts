export { controlDigit, withControlDigit } from './check-digit.js';
export { checkIin, type IinFacts, type Sex } from './iin.js';
export { checkBin, BIN_KINDS, BIN_TYPES, type BinFacts, type BinKind, type BinType } from './bin.js';
export { checkApplicantId, applicantIdOf, type ApplicantRef, type ApplicantIdCheck } from './applicant-id.js';
export { isRealDate, type IdCheck } from './twelve-digits.js';

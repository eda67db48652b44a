export { type ApplicantIdCheck, type ApplicantRef, applicantIdOf, checkApplicantId } from './applicant-id.js';
export { BIN_KINDS, BIN_TYPES, type BinFacts, type BinKind, type BinType, checkBin } from './bin.js';
export { controlDigit, withControlDigit } from './check-digit.js';
export { checkIin, type IinFacts, type Sex } from './iin.js';
export { type IdCheck, isRealDate } from './twelve-digits.js';

export {
  createTestCa,
  openTestCa,
  privateKeyToPem,
  privateKeyFromPem,
  type TestCa,
  type TestCaOptions,
  type OpenTestCaOptions,
  type IssueOptions,
  type IssuedCertificate,
  type CrlOptions,
  type PersonKeyUsage,
} from './ca.js';
export { loadTestPki, TEST_PKI_FILES, TEST_SIGNERS, TEST_SIGNER_NAMES, type TestPki, type TestSigner, type TestSignerName } from './files.js';

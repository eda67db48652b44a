export {
  type CrlOptions,
  createTestCa,
  generateKeyPair,
  type IssuedCertificate,
  type IssueOptions,
  type OpenTestCaOptions,
  openTestCa,
  type PersonKeyUsage,
  privateKeyFromPem,
  privateKeyToPem,
  type TestCa,
  type TestCaOptions,
  type TestTrustStoreOptions,
} from './ca.js';
export { loadTestPki, TEST_PKI_FILES, TEST_SIGNER_NAMES, TEST_SIGNERS, type TestPki, type TestSigner, type TestSignerName } from './files.js';

import { describe, expect, it } from 'vitest';
import { submissionsNeedSignature } from '../src/signing.js';

describe('submissionsNeedSignature', () => {
  it('sees a signature field in SubmitApplicationInput, ignoring descriptions', () => {
    const withSignature = `input SubmitApplicationInput @join__type(graph: LICENSING) {
  serviceCode: ID!
  """
  The applicant's detached CMS signature: signature over the payload
  """
  signature: String!
}`;
    const without = `input SubmitApplicationInput @join__type(graph: LICENSING) {
  serviceCode: ID!
  """
  signature: mentioned only in a description
  """
  idempotencyKey: String!
}
input DecideApplicationInput { signature: String! }`;
    expect(submissionsNeedSignature(withSignature)).toBe(true);
    expect(submissionsNeedSignature(without)).toBe(false);
    expect(submissionsNeedSignature('type Query { a: Int }')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { type ApplicationPayloadInput, applicationPayload, canonicalBytes, canonicalJson, decisionPayload } from '../src/signatures/index.js';

// What an applicant signs; the signatures themselves are verified against the mock НУЦ's certificates in
// mocks/tests/signatures.test.ts (this package cannot import @egov/mocks, which imports it).
const CITIZEN = { iin: '850314301234' };

const application: ApplicationPayloadInput = {
  serviceCode: 'state-symbols-licence',
  action: 'ISSUE',
  applicantId: CITIZEN.iin,
  idempotencyKey: '3f1c2a8e-5b7d-4e7a-9c1e-2d4b6f8a0c11',
  attachments: [
    { id: 'att-2', sha256: 'b'.repeat(64) },
    { id: 'att-1', sha256: 'a'.repeat(64) },
  ],
  fields: [
    { fieldId: 'phone', value: '+7 701 000 00 00' },
    { fieldId: 'activity', value: 'Изготовление' },
  ],
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ z: 1, a: 2, m: { y: 1, b: 2 } })).toBe(canonicalJson({ m: { b: 2, y: 1 }, a: 2, z: 1 }));
  });

  it('keeps array order, drops undefined properties, and sorts by code unit, not by locale', () => {
    expect(canonicalJson({ list: [3, 1, 2], gone: undefined, Б: 1, a: 1, B: 1 })).toBe('{"B":1,"a":1,"list":[3,1,2],"Б":1}');
  });

  it('writes Cyrillic as UTF-8, not escaped', () => {
    expect(Buffer.from(canonicalBytes({ name: 'Ахметов' })).toString('utf8')).toBe('{"name":"Ахметов"}');
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['undefined in an array', { list: [1, undefined] }],
    ['a Date', { at: new Date() }],
    ['a bigint', { n: 1n }],
  ])('refuses %s rather than change it silently', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('the application payload', () => {
  it('is the same whatever order the attachments and fields came in', () => {
    const shuffled = { ...application, attachments: [...application.attachments].reverse(), fields: [...application.fields!].reverse() };
    expect(canonicalJson(applicationPayload(shuffled))).toBe(canonicalJson(applicationPayload(application)));
  });

  it('binds every scan by its SHA-256 and states what it is', () => {
    expect(applicationPayload({ ...application, attachments: [{ id: 'att-1', sha256: 'A'.repeat(64) }] })).toEqual({
      type: 'egov-graph/application/v1',
      serviceCode: 'state-symbols-licence',
      action: 'ISSUE',
      applicantId: CITIZEN.iin,
      idempotencyKey: application.idempotencyKey,
      paymentId: null,
      attachments: [{ id: 'att-1', sha256: 'a'.repeat(64) }],
      fields: [
        { fieldId: 'activity', value: 'Изготовление' },
        { fieldId: 'phone', value: '+7 701 000 00 00' },
      ],
    });
  });

  it('refuses an attachment without a SHA-256', () => {
    expect(() => applicationPayload({ ...application, attachments: [{ id: 'att-1', sha256: 'not-a-hash' }] })).toThrow(/att-1 has no hex SHA-256/);
  });

  it('treats absent fields as an empty list and carries the payment', () => {
    const { fields: _fields, ...withoutFields } = application;
    expect(applicationPayload({ ...withoutFields, paymentId: 'PSH-1' })).toMatchObject({ fields: [], paymentId: 'PSH-1' });
  });

  it('the decision payload has nulls, not missing keys, for an absent refusal ground and note', () => {
    expect(canonicalJson(decisionPayload({ number: 'KZ-1', outcome: 'ISSUE', officerId: '900101300017' }))).toBe(
      '{"note":null,"number":"KZ-1","officerId":"900101300017","outcome":"ISSUE","refusalGround":null,"type":"egov-graph/decision/v1"}',
    );
  });
});

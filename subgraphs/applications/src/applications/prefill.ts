import type { Address, LegalEntityRecord, LicenseRecord, PaymentRecord, PersonRecord } from '@egov/contracts';
import { formatKzt, parseKzt } from '@egov/core';
import type { DocumentApplicant, Form, FormField, Localized, PrefillSource, Registry } from '@egov/domain';
import type { ApplicantSnapshot } from './applicant.js';
import { appliesToApplicant } from './requirements.js';

export interface FieldSource {
  registry: Registry;
  path: string;
  /** The id of the record the value was read from (IIN, BIN, payment id, licence number); null when there was none. */
  recordId: string | null;
  readAt: string;
}

export interface DraftField {
  formId: string;
  formTitle: Localized;
  fieldId: string;
  label: Localized;
  /** The value as the form shows it; null when the applicant types it, or the registry has no value. */
  value: string | null;
  /** Where the value came from; null for fields the applicant fills in. */
  source: FieldSource | null;
  filledBy: 'APPLICANT' | 'AUTHORITY';
}

interface Records {
  individuals: PersonRecord | null;
  'legal-entities': LegalEntityRecord | null;
  payments: PaymentRecord | null;
  licensing: LicenseRecord | null;
}

const LEGAL_FORMS: Record<string, string> = {
  LLP: 'Товарищество с ограниченной ответственностью',
  JSC: 'Акционерное общество',
  STATE_ENTERPRISE: 'Государственное предприятие',
  BRANCH: 'Филиал',
  REPRESENTATIVE_OFFICE: 'Представительство',
  JOINT_ENTREPRENEURSHIP: 'Совместное индивидуальное предпринимательство',
  FOREIGN_LEGAL_ENTITY: 'Иностранное юридическое лицо',
};
const OWNERSHIP: Record<string, string> = { PRIVATE: 'частная', STATE: 'государственная', FOREIGN: 'иностранная', MIXED: 'смешанная' };
const SEX: Record<string, string> = { MALE: 'мужской', FEMALE: 'женский' };
const ID_TYPES: Record<string, string> = {
  ID_CARD: 'удостоверение личности',
  PASSPORT: 'паспорт',
  RESIDENCE_PERMIT: 'вид на жительство',
  STATELESS_CERTIFICATE: 'удостоверение лица без гражданства',
};
const REGISTRATION_KINDS: Record<string, string> = {
  CERTIFICATE: 'свидетельство о государственной регистрации',
  REFERENCE: 'справка о государственной регистрации',
};

export function formatAddress(address: Address): string {
  return [
    address.postcode,
    address.region,
    address.district,
    address.city !== address.region.replace(/^г\. /, '') ? `г. ${address.city}` : null,
    address.street,
    `д. ${address.house}`,
    address.flat ? `кв. ${address.flat}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

const fullName = (p: PersonRecord) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

function dig(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value === null || value === undefined) return null;
    const indexed = /^(\w+)\[(\d+)\]$/.exec(key);
    if (indexed) return ((value as Record<string, unknown[]>)[indexed[1]!] ?? [])[Number(indexed[2])] ?? null;
    return (value as Record<string, unknown>)[key];
  }, record);
}

/** Reads one catalog prefill path from the record it names, formatted as the form expects it. */
function valueAt(source: PrefillSource, records: Records, snapshot: ApplicantSnapshot): string | null {
  const record = records[source.registry];
  if (!record) return null;
  const path = source.path;
  if (source.registry === 'individuals') {
    const person = record as PersonRecord;
    if (path === 'fullName') return fullName(person);
    if (path === 'address') return person.address ? formatAddress(person.address) : null;
    if (path === 'sex') return SEX[person.sex] ?? person.sex;
    if (path === 'identityDocument.type') return person.identityDocument ? (ID_TYPES[person.identityDocument.type] ?? null) : null;
  }
  if (source.registry === 'legal-entities') {
    const entity = record as LegalEntityRecord;
    if (path === 'legalAddress') return formatAddress(entity.legalAddress);
    if (path === 'legalForm') return LEGAL_FORMS[entity.legalForm] ?? entity.legalForm;
    if (path === 'ownership') return OWNERSHIP[entity.ownership] ?? entity.ownership;
    if (path === 'registrationDocument.kind') return REGISTRATION_KINDS[entity.registrationDocument.kind] ?? null;
    if (path === 'head.fullName') return snapshot.head ? fullName(snapshot.head) : null;
    if (path === 'branches') return snapshot.branches.map((b) => `${b.shortNameRu}: ${formatAddress(b.legalAddress)}`).join('; ') || null;
  }
  if (source.registry === 'payments' && path === 'amount') return formatKzt(parseKzt((record as PaymentRecord).amount) ?? 0);
  const value = dig(record, path);
  return value === null || value === undefined || value === '' ? null : String(value);
}

function recordIdOf(registry: Registry, records: Records): string {
  const record = records[registry];
  if (registry === 'individuals') return (record as PersonRecord).iin;
  if (registry === 'legal-entities') return (record as LegalEntityRecord).bin;
  if (registry === 'payments') return (record as PaymentRecord).id;
  return (record as LicenseRecord).number;
}

/** Picks the prefill source that fits this applicant (a name comes from ГБД ЮЛ for a company, ГБД ФЛ for a person). */
function sourceFor(field: FormField, roles: ReadonlySet<DocumentApplicant>): PrefillSource | null {
  if (field.prefill === null) return null;
  const sources = Array.isArray(field.prefill) ? field.prefill : [field.prefill];
  return sources.find((s) => appliesToApplicant(s.appliesTo, roles)) ?? null;
}

/**
 * Every field of the forms this applicant fills, with the value and the registry record it came from.
 * Individuals' fields of a company's form read the head's record (the head signs for the company).
 */
export function prefillForms(
  forms: readonly Form[],
  snapshot: ApplicantSnapshot,
  roles: ReadonlySet<DocumentApplicant>,
  extra: { payment: PaymentRecord | null; licence: LicenseRecord | null },
): DraftField[] {
  const records: Records = {
    individuals: snapshot.person ?? snapshot.head,
    'legal-entities': snapshot.entity,
    payments: extra.payment,
    licensing: extra.licence,
  };
  return forms
    .filter((form) => appliesToApplicant(form.appliesTo, roles))
    .flatMap((form) =>
      form.fields.map((field): DraftField => {
        const base = { formId: form.id, formTitle: form.title, fieldId: field.id, label: field.label, filledBy: field.filledBy };
        const source = field.filledBy === 'APPLICANT' ? sourceFor(field, roles) : null;
        if (!source) return { ...base, value: null, source: null };
        const value = valueAt(source, records, snapshot);
        const recordId = records[source.registry] ? recordIdOf(source.registry, records) : null;
        return { ...base, value, source: { registry: source.registry, path: source.path, recordId, readAt: snapshot.readAt } };
      }),
    );
}

import { useState } from 'react';
import { invalidIdMessage, otherErrors, outagesIn } from '../api/errors.js';
import { useQuery } from '../api/use-graph.js';
import { Link, useRouter } from '../app/router.js';
import { useSession } from '../auth/session.js';
import { serviceName } from '../catalog/service-name.js';
import { GraphErrors } from '../components/GraphErrors.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { RequestProblem } from '../components/RequestProblem.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import type { DocumentApplicant, ServiceActionKind } from '../generated/graphql.js';
import { type FragmentType, graphql } from '../generated/index.js';
import { ACTION } from '../i18n/enums.js';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';
import { type ApplicantOption, ApplicantPicker } from './ApplicantPicker.js';
import { DraftDocuments } from './DraftDocuments.js';
import { DraftFields } from './DraftFields.js';
import { FeeStep } from './FeeStep.js';
import { Receipt, type ReceiptFragment } from './Receipt.js';
import { OutageNextSteps, OutageNotice, RegistryOutage } from './RegistryOutage.js';
import { ScanDropZone } from './ScanDropZone.js';
import { SubmitStep } from './SubmitStep.js';
import { storedScans } from './scans.js';
import { useScanUploads } from './use-scan-uploads.js';

const ApplyContext = graphql(`
  query ApplyContext($code: ID!, $action: ServiceActionKind!, $iin: IIN!, $language: Language!) {
    publicService(code: $code) {
      code
      names {
        kk
        ru
        en
      }
      online
      action(kind: $action) {
        kind
        deadline {
          value
          unit
        }
        documents(channel: PORTAL) {
          id
          name
          nameOriginal
          supply
          appliesTo
        }
      }
      forms {
        id
        title
        appliesTo
        fields {
          id
          label
          labelOriginal
          filledBy
          prefill {
            registry
            appliesTo
          }
        }
      }
    }
    person(iin: $iin) {
      iin
      fullName
    }
    # Asked by the IIN beside person, not nested in it: the gateway reads both registries at once.
    legalEntitiesOf(iin: $iin, role: HEAD) {
      bin
      shortName(language: $language)
    }
  }
`);

const ApplicationDraft = graphql(`
  query ApplicationDraft($serviceCode: ID!, $action: ServiceActionKind!, $applicantId: ApplicantId!) {
    applicationDraft(serviceCode: $serviceCode, action: $action, applicantId: $applicantId) {
      applicantKind
      eligible
      reasons {
        code
        message
      }
      applicant {
        __typename
        ... on Person {
          iin
          fullName
        }
        ... on LegalEntity {
          bin
          shortName
        }
      }
      fields {
        fieldId
        ...DraftFieldRow
      }
      documents {
        ...DraftDocumentRow
      }
      fee {
        paid
        payment {
          id
        }
        ...FeeStatusPanel
      }
      expectedResult {
        dueDate
      }
      expectedResultUnknownBecause
      readAt
      registryOutages {
        registry
        code
        fields
      }
    }
  }
`);

/** What the catalog calls an applicant of this id, for the partial form when no draft could be read. */
const applicantKindOf = (id: string): DocumentApplicant => (/^\d{4}[4-6]/.test(id) ? 'LEGAL_ENTITY' : 'INDIVIDUAL');

function ApplyFlow({ code, action }: { code: string; action: ServiceActionKind }) {
  const { identity } = useSession();
  const { language, t } = useLanguage();
  const format = useFormat();
  const { search, navigate } = useRouter();
  const applicantId = search.get('applicant');
  const context = useQuery(ApplyContext, { code, action, iin: identity!.iin, language: language === 'kk' ? 'KK' : 'RU' });
  const draftQuery = useQuery(ApplicationDraft, { serviceCode: code, action, applicantId: applicantId ?? '' }, { skip: !applicantId });
  const scans = useScanUploads();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<FragmentType<typeof ReceiptFragment> | null>(null);

  const service = context.data?.publicService;
  if (context.failure) return <RequestProblem failure={context.failure} retry={context.refetch} />;
  if (!service) return context.loading ? <Loading /> : <GraphErrors errors={context.errors} />;
  const title = `${serviceName(service.names, language)}: ${ACTION[action][language].toLocaleLowerCase()}`;
  const heading = <PageHeading title={title}>{title}</PageHeading>;
  if (!service.online || !service.action) {
    return (
      <>
        {heading}
        <Notice tone="info" title={t('apply.notOnline')} />
      </>
    );
  }
  if (receipt) {
    return (
      <>
        {heading}
        <Receipt receipt={receipt} term={service.action.deadline} />
      </>
    );
  }

  // The applicant's own IIN is offered even when ГБД ФЛ cannot say their name.
  const person = context.data?.person;
  const options: ApplicantOption[] = [
    { id: identity!.iin, label: t('apply.me', { name: person?.fullName ?? '', id: identity!.iin }) },
    ...(context.data?.legalEntitiesOf ?? []).map((entity) => ({
      id: entity.bin,
      label: t('apply.company', { name: entity.shortName ?? entity.bin, id: entity.bin }),
    })),
  ];
  const choose = (id: string) => {
    if (id === applicantId) draftQuery.refetch();
    else navigate(`/apply/${code}/${action}?applicant=${encodeURIComponent(id)}`, { replace: true });
  };

  const draft = draftQuery.data?.applicationDraft ?? null;
  const idProblem = applicantId && !draftQuery.loading ? invalidIdMessage(draftQuery.errors) : null;
  const outages = outagesIn(draftQuery.errors);
  const remaining = otherErrors(draftQuery.errors);
  const uploads = scans.of(applicantId);
  const addScans = (documentId: string, files: File[]) => scans.add(applicantId!, documentId, files);
  const scansForm = (documentIds: readonly { id: string; label: string }[]) =>
    documentIds.map((document) => (
      <ScanDropZone
        key={document.id}
        documentId={document.id}
        label={document.label}
        uploads={uploads.filter((upload) => upload.documentId === document.id)}
        onFiles={(files) => addScans(document.id, files)}
        onRemove={scans.remove}
      />
    ));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/services/${code}`}>{serviceName(service.names, language)}</Link>
      </p>
      {heading}
      <ApplicantPicker options={options} chosen={applicantId} fieldError={idProblem} busy={draftQuery.loading} onChoose={choose} />
      {applicantId && draftQuery.loading ? <Loading /> : null}
      {draftQuery.failure ? <RequestProblem failure={draftQuery.failure} retry={draftQuery.refetch} /> : null}
      <GraphErrors errors={remaining} />

      {applicantId && !draft && outages.length > 0 ? (
        <RegistryOutage
          outages={outages}
          forms={service.forms}
          applicant={applicantKindOf(applicantId)}
          serviceCode={code}
          retry={draftQuery.refetch}
          busy={draftQuery.loading}
          scans={scansForm(
            service.action.documents
              // The application itself is the form this portal builds; the rest are scans this applicant needs.
              .filter((d) => d.supply === 'ATTACH' && d.id !== 'application' && (!d.appliesTo || d.appliesTo.includes(applicantKindOf(applicantId))))
              .map((d) => ({ id: d.id, label: language === 'en' ? d.name : d.nameOriginal })),
          )}
        />
      ) : null}

      {draft && !draft.eligible ? (
        <Notice tone="warning" title={t('apply.notEligible')}>
          <ul>
            {draft.reasons.map((reason) => (
              <li key={reason.code}>
                {reason.message} <code>{reason.code}</code>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      {draft && draft.registryOutages.length > 0 ? (
        <>
          <OutageNotice registries={draft.registryOutages.map((o) => ({ key: o.registry, registry: o.registry, title: o.registry }))} />
          <OutageNextSteps serviceCode={code} retry={draftQuery.refetch} busy={draftQuery.loading} scansInstead={draft.eligible} />
        </>
      ) : null}

      {draft?.eligible ? (
        <>
          <section aria-labelledby="form-heading">
            <h2 id="form-heading">{t('apply.form')}</h2>
            <p className="fine">{t('apply.readFromRegistries', { time: format.dateTime(draft.readAt) })}</p>
            <DraftFields
              fields={draft.fields}
              typed={typed}
              onType={(fieldId, value) => setTyped((all) => ({ ...all, [fieldId]: value }))}
              unread={new Map(draft.registryOutages.flatMap((o) => o.fields.map((fieldId) => [fieldId, o.registry] as const)))}
            />
          </section>
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t('apply.documents')}</h2>
            <DraftDocuments documents={draft.documents} uploads={uploads} onFiles={addScans} onRemove={scans.remove} />
          </section>
          <section aria-labelledby="fee-heading">
            <h2 id="fee-heading">{t('apply.fee')}</h2>
            <FeeStep
              fee={draft.fee}
              serviceCode={code}
              action={action}
              payerId={applicantId!}
              onPaid={(id) => {
                setPaymentId(id);
                draftQuery.refetch();
              }}
            />
          </section>
          <section aria-labelledby="submit-heading">
            <h2 id="submit-heading">{t('apply.submit')}</h2>
            <p>
              {draft.expectedResult ? (
                t('apply.dueIfNow', { date: format.date(draft.expectedResult.dueDate) })
              ) : (
                <span lang="en">{draft.expectedResultUnknownBecause}</span>
              )}
            </p>
            <SubmitStep
              disabled={scans.busy}
              input={{
                serviceCode: code,
                action,
                applicantId: applicantId!,
                forCompany: draft.applicant.__typename === 'LegalEntity',
                scans: storedScans(uploads),
                paymentId: draft.fee.payment?.id ?? paymentId,
                fields: Object.entries(typed)
                  .filter(([, value]) => value.trim() !== '')
                  .map(([fieldId, value]) => ({ fieldId, value: value.trim() })),
              }}
              onReceipt={setReceipt}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

/** Apply for a service: who applies → the prefilled draft → scans → fee → sign and submit → receipt. */
export function ApplyPage({ code, action }: { code: string; action: string }) {
  const { t } = useLanguage();
  if (!(action in ACTION)) {
    return <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>;
  }
  return (
    <RequireSignIn kinds={['portal', 'citizen']} title={t('apply.title')}>
      <ApplyFlow code={code} action={action as ServiceActionKind} />
    </RequireSignIn>
  );
}

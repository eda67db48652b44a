import { OriginalText } from '../components/OriginalText.js';
import { RegistryBadge } from '../components/RegistryBadge.js';
import { type FragmentType, graphql, readFragment } from '../generated/index.js';
import { DRAFT_DOCUMENT } from '../i18n/enums.js';
import { useLanguage } from '../i18n/language.js';
import { ScanDropZone } from './ScanDropZone.js';
import type { ScanUpload } from './scans.js';

export const DraftDocumentFragment = graphql(`
  fragment DraftDocumentRow on DraftDocument {
    status
    summary
    unavailableBecause
    document {
      id
      name
      nameOriginal
      registry
    }
    insteadOf {
      name
      nameOriginal
    }
  }
`);

/**
 * Every document of the standard's list for this applicant: what the registries already vouch for (with
 * what they say), and a drop zone for each scan no registry holds.
 */
export function DraftDocuments(props: {
  documents: readonly FragmentType<typeof DraftDocumentFragment>[];
  uploads: readonly ScanUpload[];
  onFiles(documentId: string, files: File[]): void;
  onRemove(key: string): void;
}) {
  const { language, t } = useLanguage();
  const documents = props.documents.map((document) => readFragment(DraftDocumentFragment, document));
  return (
    <ul className="draft-documents">
      {documents.map(({ document, status, summary, unavailableBecause, insteadOf }) => (
        <li key={document.id} className={`draft-document status-${status.toLowerCase()}`}>
          {insteadOf ? (
            <p className="fine instead-of">{t('outage.insteadOf', { document: language === 'en' ? insteadOf.name : insteadOf.nameOriginal })}</p>
          ) : null}
          {status === 'ATTACH_NEEDED' ? (
            <ScanDropZone
              documentId={document.id}
              label={language === 'en' ? document.name : document.nameOriginal}
              uploads={props.uploads.filter((upload) => upload.documentId === document.id)}
              onFiles={(files) => props.onFiles(document.id, files)}
              onRemove={props.onRemove}
            />
          ) : (
            <>
              <p className="document-name">
                <OriginalText en={document.name} original={document.nameOriginal} />
              </p>
              <p>
                <span className={`badge document-status-${status.toLowerCase()}`}>{DRAFT_DOCUMENT[status][language]}</span>
                {document.registry ? <RegistryBadge registry={document.registry} /> : null}
              </p>
              {summary ? (
                <p className="fine" lang="en">
                  {summary}
                </p>
              ) : null}
              {unavailableBecause ? (
                <p className="field-error" lang="en">
                  {unavailableBecause}
                </p>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

import { type DragEvent, useId, useState } from 'react';
import { useFormat } from '../i18n/format.js';
import { useLanguage } from '../i18n/language.js';
import type { ScanUpload } from './scans.js';

function UploadRow({ upload, onRemove }: { upload: ScanUpload; onRemove(): void }) {
  const { t } = useLanguage();
  const format = useFormat();
  const progressId = useId();
  return (
    <li className={`upload upload-${upload.state}`} data-file={upload.fileName}>
      <span className="file-name">{upload.fileName}</span> <span className="fine">{format.size(upload.size)}</span>
      {upload.state === 'uploading' ? (
        <>
          <label className="visually-hidden" htmlFor={progressId}>
            {t('scans.uploading', { file: upload.fileName })}
          </label>
          <progress id={progressId} max={1} value={upload.progress} />
        </>
      ) : null}
      {upload.state === 'stored' ? (
        <span className="upload-ok" role="status">
          {t('scans.stored')} <span className="fine">SHA-256 {upload.scan!.sha256.slice(0, 12)}…</span>
        </span>
      ) : null}
      {upload.state === 'refused' ? (
        <span className="field-error" role="alert">
          {upload.problem!.message} <code>{upload.problem!.code}</code>
        </span>
      ) : null}
      {upload.state !== 'uploading' ? (
        <button type="button" className="link" onClick={onRemove}>
          {t('scans.remove', { file: upload.fileName })}
        </button>
      ) : null}
    </li>
  );
}

/**
 * A scan for one document of the standard: drop files here or pick them with the (real, labelled) file
 * input, so keyboards and screen readers need no drag and drop.
 */
export function ScanDropZone(props: {
  documentId: string;
  label: string;
  uploads: readonly ScanUpload[];
  onFiles(files: File[]): void;
  onRemove(key: string): void;
}) {
  const { t } = useLanguage();
  const [over, setOver] = useState(false);
  const inputId = `scan-${props.documentId}`;
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    props.onFiles([...event.dataTransfer.files]);
  };
  return (
    <div className="scan">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-document={props.documentId}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId}>
          <span className="drop-title">{props.label}</span>
          <span className="fine">{t('scans.dropHint')}</span>
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept="application/pdf,image/jpeg,image/png"
          onChange={(event) => {
            props.onFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      {props.uploads.length > 0 ? (
        <ul className="uploads" aria-label={t('scans.filesFor', { document: props.label })}>
          {props.uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} onRemove={() => props.onRemove(upload.key)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

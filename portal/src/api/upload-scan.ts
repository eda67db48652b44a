/**
 * One scan to POST /attachments (multipart, through the gateway to the applications service), with
 * upload progress. fetch() cannot report upload progress, XMLHttpRequest can. One request per file, so
 * each file gets its own progress bar and the server's verdict on exactly that file.
 */
export interface UploadedScan {
  id: string;
  documentId: string;
  fileName: string | null;
  sha256: string;
  mediaType: string;
  size: number;
}

export interface ScanRefused {
  /** The server's code: UNSUPPORTED_MEDIA_TYPE, ACTIVE_CONTENT, TRUNCATED_FILE, EMPTY_FILE, FILE_TOO_LARGE … */
  code: string;
  message: string;
}

export type UploadOutcome = { ok: true; scan: UploadedScan } | { ok: false; problem: ScanRefused };

export function uploadScan(options: {
  documentId: string;
  file: File;
  token: string;
  onProgress(fraction: number): void;
  signal?: AbortSignal;
}): Promise<UploadOutcome> {
  const { documentId, file, token, onProgress, signal } = options;
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/attachments');
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      // Refusals come in the graph's one error body: errors[].extensions.code (and the document, the file, a reason).
      const body = request.response as { attachments?: UploadedScan[]; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const scan = body?.attachments?.[0];
      const refused = body?.errors?.[0];
      if (request.status === 201 && scan) {
        onProgress(1);
        resolve({ ok: true, scan });
      } else if (refused) {
        resolve({ ok: false, problem: { code: refused.extensions?.code ?? `HTTP_${request.status}`, message: refused.message } });
      } else {
        resolve({ ok: false, problem: { code: `HTTP_${request.status}`, message: `The server answered ${request.status}` } });
      }
    };
    request.onerror = () => resolve({ ok: false, problem: { code: 'NETWORK_ERROR', message: 'The upload did not reach the server' } });
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    // The field name is the catalog document the scan is for.
    form.append(documentId, file, file.name);
    request.send(form);
  });
}

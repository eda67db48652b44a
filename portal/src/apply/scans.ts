import type { ScanRefused, UploadedScan } from '../api/upload-scan.js';

/** One file the applicant dropped, from the first byte sent to the server's verdict. */
export interface ScanUpload {
  key: string;
  /** The IIN/BIN the scan was chosen for. */
  applicantId: string;
  documentId: string;
  fileName: string;
  size: number;
  progress: number;
  state: 'uploading' | 'stored' | 'refused';
  scan?: UploadedScan;
  problem?: ScanRefused;
}

/** The stored scans an application will carry: what is signed (id and SHA-256) and submitted. */
export function storedScans(uploads: readonly ScanUpload[]): UploadedScan[] {
  return uploads.flatMap((upload) => (upload.state === 'stored' && upload.scan ? [upload.scan] : []));
}

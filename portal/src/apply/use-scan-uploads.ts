import { useCallback, useState } from 'react';
import { uploadScan } from '../api/upload-scan.js';
import { useSession } from '../auth/session.js';
import type { ScanUpload } from './scans.js';

/**
 * The applicant's scans, kept by the apply page itself: they survive a re-read of the registries (an
 * outage, then "read again"), because a stored scan does not depend on any registry.
 */
export function useScanUploads() {
  const { token } = useSession();
  const [uploads, setUploads] = useState<ScanUpload[]>([]);

  const update = (key: string, patch: Partial<ScanUpload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const add = useCallback(
    (applicantId: string, documentId: string, files: File[]) => {
      if (!token) return;
      for (const file of files) {
        const key = crypto.randomUUID();
        setUploads((all) => [...all, { key, applicantId, documentId, fileName: file.name, size: file.size, progress: 0, state: 'uploading' }]);
        void uploadScan({ documentId, file, token, onProgress: (progress) => update(key, { progress }) }).then((outcome) =>
          update(key, outcome.ok ? { state: 'stored', scan: outcome.scan, progress: 1 } : { state: 'refused', problem: outcome.problem }),
        );
      }
    },
    [token],
  );

  const remove = useCallback((key: string) => setUploads((all) => all.filter((u) => u.key !== key)), []);

  /** The scans chosen for one applicant: switching to a company does not carry one's own scans along. */
  const of = useCallback((applicantId: string | null) => uploads.filter((u) => u.applicantId === applicantId), [uploads]);

  return { of, add, remove, busy: uploads.some((u) => u.state === 'uploading') };
}

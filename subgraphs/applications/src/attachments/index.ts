export { BlobStore, type StoredBlob, UploadRejected } from './blob-store.js';
export { type MediaType, sniff } from './detect.js';
export { type Attachment, AttachmentRepository } from './repository.js';
export { createUploadRoute, type UploadLimits } from './upload-route.js';

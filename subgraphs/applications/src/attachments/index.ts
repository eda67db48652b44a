export { BlobStore, UploadRejected, type StoredBlob } from './blob-store.js';
export { AttachmentRepository, type Attachment } from './repository.js';
export { createUploadRoute, type UploadLimits } from './upload-route.js';
export { detect, type MediaType } from './detect.js';

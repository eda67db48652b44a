export { RegistryClient, type RegistryClientOptions } from './registry-client.js';
export { RegistryError, type RegistryErrorCode } from './registry-error.js';
export { createBatchLoader, createGroupLoader } from './batch-loader.js';

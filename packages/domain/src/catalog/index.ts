export * from './schema.js';
export {
  Catalog,
  CatalogError,
  citationsOf,
  DEFAULT_CATALOG_DIR,
  isOnline,
  isPaid,
  loadCatalog,
  servesRecipient,
  type CatalogFilter,
  type LoadCatalogOptions,
  type LocatedCitation,
} from './load.js';

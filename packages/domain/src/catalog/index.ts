export {
  Catalog,
  CatalogError,
  type CatalogFilter,
  citationsOf,
  DEFAULT_CATALOG_DIR,
  isOnline,
  isPaid,
  type LoadCatalogOptions,
  type LocatedCitation,
  loadCatalog,
  servesRecipient,
} from './load.js';
export * from './schema.js';

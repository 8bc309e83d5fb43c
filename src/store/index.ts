export { Store, STORE_SCHEMA, type HitsWanted, type KwicRecord, type StoredDocument, type StoredDocumentInfo, type StoredHit, type StoreInfo, type StoreWrite, type OpenOptions } from './store.js';
export { StoreError } from './errors.js';

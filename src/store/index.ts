export { Store, STORE_SCHEMA, kwicHits, type HitsWanted, type KwicDoc, type KwicHitRow, type KwicRecord, type StoredDocument, type StoredDocumentInfo, type StoredHit, type StoreInfo, type StoreWrite, type OpenOptions } from './store.js';
export { StoreError } from './errors.js';

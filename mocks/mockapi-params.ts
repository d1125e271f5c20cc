/**
 * MockAPI's own paging and sorting query parameters: it reads them itself instead of filtering
 * the records by them (docs/mocks.md). The DynVars mock skips them when it filters; the
 * get-cbid-url check does not call them unexpected.
 */
export const MOCKAPI_RESERVED: ReadonlySet<string> = new Set(['page', 'limit', 'sortBy', 'order']);

// The search box's rule lives beside the run table's first request, which `runlens serve` computes
// too (contract/run-table-request.ts); the table's filter reads it from here.
export { toRunFilter } from '../../../contract/run-table-request.ts';

// exceljs's own cell-address helper, which its readers and writers look up on every call (exceljs
// 4.4.0, pinned): replaced by uncached-cell-addresses.ts.
declare module "exceljs/lib/utils/col-cache.js" {
  interface CellAddress {
    address: string;
    col: number | undefined;
    row: number | undefined;
    $col$row: string;
  }
  const colCache: { decodeAddress(value: string): CellAddress };
  export default colCache;
}

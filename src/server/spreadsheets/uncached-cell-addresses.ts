import "server-only";
import colCache from "exceljs/lib/utils/col-cache.js";

/**
 * exceljs decodes the address of every cell it reads ("B7") into a small object, and keeps those
 * of the top-left 100 × 100 cells in a cache for the life of the process. Reading a sheet's first
 * rows, V8 sees nearly every object made at that line survive and from then on allocates them
 * directly in the old generation ("allocation-site pretenuring"), where only a full collection
 * frees them, and one may not come for a hundred megabytes: about 130 bytes per cell read, some
 * 80 MB for a sheet of 640,000 short cells. The decision sticks to the line that allocates, so
 * switching the cache off after exceljs has run once would not undo it: the function is replaced.
 * It decodes as exceljs 4.4.0 (pinned) does and caches nothing, so each address dies young.
 */
function decodeAddress(value: string) {
  let hasCol = false;
  let col = "";
  let colNumber: number | undefined = 0;
  let hasRow = false;
  let row = "";
  let rowNumber: number | undefined = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (!hasRow && char >= 65 && char <= 90) {
      // A–Z: the column, before the row
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + char - 64;
    } else if (char >= 48 && char <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber * 10 + char - 48;
    } else if (hasRow && hasCol && char !== 36) {
      break; // anything but "$" after both
    }
  }
  if (!hasCol) colNumber = undefined;
  else if (colNumber > 16384) throw new Error(`Out of bounds. Invalid column letter: ${col}`);
  if (!hasRow) rowNumber = undefined;
  return { address: col + row, col: colNumber, row: rowNumber, $col$row: `$${col}$${row}` };
}

colCache.decodeAddress = decodeAddress;

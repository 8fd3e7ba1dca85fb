/** Upload limits of the bulk import: generous for a district's yearly file, small for memory. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const TOO_LARGE_MESSAGE = `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`;
export const TOO_MANY_ROWS_MESSAGE = `每个文件最多 ${MAX_IMPORT_ROWS.toLocaleString("en-US")} 行学员，请拆分后分批导入`;

// Exports to the provincial system (报送).

export const exportMessages = {
  batchNotFound: "未找到该报送批次",
  /** The download's file name; the district part is empty for a city-wide batch. */
  fileName: (year: number, batchId: number, district: string | null, format: string) =>
    `省系统报送_${year}年度_第${batchId}批${district ? `_${district}` : ""}.${format}`,
  sheetName: "报送名单",
} as const;

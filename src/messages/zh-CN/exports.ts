// Exports to the provincial system (报送).

export const exportMessages = {
  batchNotFound: "未找到该报送批次",
  /** The download's file name; the district part is empty for a city-wide batch. */
  fileName: (year: number, batchId: number, district: string | null, format: string) =>
    `省系统报送_${year}年度_第${batchId}批${district ? `_${district}` : ""}.${format}`,
  sheetName: "报送名单",
  // The batch's lifecycle
  batchWithdrawn: "该批次已撤回，不能再下载；其中的学员会进入下一批次。",
  uploadNeedsDownload: "请先下载该批次的报送文件，再记录上报。",
  notUploadable: "该批次已上报或已撤回，不能再记录上报。",
  notWithdrawable: "该批次已上报省系统，不能撤回。",
  enterUploadDate: "请填写上报日期",
  uploadDateRange: "上报日期应在批次生成之后，且不晚于今天",
  enterProvincialRef: "请填写省系统批次号",
  provincialRefTooLong: "省系统批次号不超过 100 个字符",
  uploadNoteTooLong: "备注不超过 500 个字",
  enterWithdrawReason: "请填写撤回原因（至少 2 个字）",
  withdrawReasonTooLong: "撤回原因不超过 200 个字",
  uploadRecorded: (batchId: number) => `已记录第 ${batchId} 批的上报。`,
  withdrawn: (batchId: number) => `第 ${batchId} 批已撤回，其中的学员会进入下一批次。`,
  receiptNeedsUpload: "请先记录该批次已上报省系统，再导入回执。",
  receiptNameInBatch: (name: string) => `本批次中的姓名为“${name}”`,
  receiptPrecheckFirst: "请先对这个回执文件进行预检，再导入。",
  receiptImported: (accepted: number, rejected: number) => `回执已导入：成功 ${accepted} 条，退回 ${rejected} 条。`,
  receiptAlreadyImported: "这个回执文件已经导入过，没有任何变化。",
  // What the learner sees of a complete year
  learnerDue: "待报送省系统",
  learnerUploaded: (date: string) => `报送中：${date} 已报送省系统，等待省系统确认`,
  learnerAccepted: (date: string) => `省系统已确认（${date}）`,
  learnerRejected: (reason: string) => `省系统退回：${reason}`,
  learnerRejectedContact: "请联系所在区财政局会计管理部门核对信息，修改后将重新报送：",
} as const;

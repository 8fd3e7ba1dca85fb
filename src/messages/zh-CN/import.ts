// Importing learners from a spreadsheet (信息采集表), and its template.

export const importMessages = {
  chooseFile: "请选择要导入的文件",
  emptyFile: "文件是空的",
  precheckFirst: "请先预检",
  unsupportedXls: "不支持 Excel 97-2003 格式（.xls），请在 Excel 中另存为 .xlsx 后再上传",
  noRows: "文件中除表头外没有学员数据",
  csvUnreadable: (line: number | null) =>
    `无法读取 CSV 文件${line ? `（第 ${line} 行格式有误）` : ""}，请使用下载的模板`,
  xlsxUnreadable: "无法读取该 Excel 文件，请确认它是 .xlsx 格式且没有设置密码",
  noWorksheet: "Excel 文件中没有工作表",
  /** Any uploaded workbook (learners or a question bank) beyond the reader's limits. */
  fileTooComplex: "文件内容过大或结构异常，无法读取，请只保留模板中的列并另存为 .xlsx 后重新上传",
  planChanged: "文件或学员信息在预检后发生了变化，请重新预检后再导入",
  nothingToImport: "没有需要导入的新增或变更行",
  conflict: "导入期间有学员被同时登记，本次导入未写入任何数据，请重新预检后再导入",
  failed: "导入失败，本次导入未写入任何数据。请稍后重试，如仍失败请联系技术支持。",
} as const;

/** The downloadable import template: its sheets and the note on each column. */
export const importTemplateMessages = {
  dataSheet: "信息采集表",
  columnHeader: "列",
  noteHeader: "说明",
  required: "（必填）",
  notes: {
    idNumber: "18位居民身份证号，末位X请大写。本列已设为文本格式，请勿改为数字，否则后几位会丢失。",
    name: "与身份证一致；少数民族姓名中的间隔号可写作“·”。",
    district: "学员登记所在的区或功能区，见下方可填写的区。",
    employer: "学员的工作单位全称。",
    startYear: "开始参加继续教育的年度，四位数字，如 2026。",
    mobile: "选填，11位手机号码。已登记学员此列留空表示不修改。",
  },
  qualificationNote: (labels: readonly string[]) => `填写 ${labels.join("、")} 之一。`,
  districtsRow: "可填写的区",
  districtList: (names: readonly string[]) => names.join("、"),
  rowsRow: "行数",
  rowsNote: (maxRows: number) => `每个文件最多 ${maxRows} 行；上传后先预检，确认无误再导入。`,
  yearRow: "年度",
  yearNote: (year: number) => `当前年度为 ${year} 年。`,
} as const;

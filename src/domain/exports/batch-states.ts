/**
 * A provincial export batch's lifecycle (ADR 0028): which state may go where, and what each
 * means to the city office and to the learner. Pure: the server functions and the pages ask it.
 */
export type ExportBatchState = "GENERATED" | "DOWNLOADED" | "UPLOADED" | "RECEIPTED" | "WITHDRAWN";

/** The administrators' label of each state. */
export const BATCH_STATE_LABELS: Record<ExportBatchState, string> = {
  GENERATED: "已生成",
  DOWNLOADED: "已下载",
  UPLOADED: "已上报",
  RECEIPTED: "已回执",
  WITHDRAWN: "已撤回",
};

/** An upload is recorded for a file the city office has downloaded, once. */
export const mayRecordUpload = (state: ExportBatchState) => state === "DOWNLOADED";

/** A batch is withdrawn before its upload only: after it, the province has the file. */
export const mayWithdraw = (state: ExportBatchState) => state === "GENERATED" || state === "DOWNLOADED";

/** Whether the province has (or has answered) the batch: its learner-years are on their way. */
export const isWithProvince = (state: ExportBatchState) => state === "UPLOADED" || state === "RECEIPTED";

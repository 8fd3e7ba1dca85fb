// Uploaded lesson videos.

export const mediaMessages = {
  videoTooLarge: (megabytes: number) => `视频文件不能超过 ${megabytes} MB`,
  chooseVideo: "请选择要上传的视频文件",
  notVideo: "只支持 MP4 或 WebM 格式的视频文件",
} as const;

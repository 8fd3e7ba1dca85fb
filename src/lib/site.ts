// Facts of the public notice the portal serves (../docs/notice.md).
export const SITE_NAME = "武汉市会计人员继续教育培训网";
export const SITE_SHORT_NAME = "会计继续教育";

/** Hotlines for course playback problems (课程播放问题). */
export const PLAYBACK_HOTLINES = ["400-628-6677", "400-627-5566", "027-85777762"] as const;

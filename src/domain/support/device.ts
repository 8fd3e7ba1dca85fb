import { UAParser } from "ua-parser-js";

export interface DeviceDescription {
  /** 电脑, 手机 or 平板. */
  device: string;
  browser: string | null;
  os: string | null;
}

const label = (name?: string, version?: string) =>
  name ? [name, version?.split(".")[0]].filter(Boolean).join(" ") : null;

/** Device kind, browser and OS (major versions) from a User-Agent string. */
export function describeDevice(userAgent: string | null | undefined): DeviceDescription | null {
  if (!userAgent) return null;
  const parser = new UAParser(userAgent.slice(0, 512));
  const type = parser.getDevice().type;
  const browser = parser.getBrowser();
  const os = parser.getOS();
  return {
    device: type === "mobile" ? "手机" : type === "tablet" ? "平板" : "电脑",
    browser: label(browser.name, browser.version),
    os: label(os.name, os.version),
  };
}

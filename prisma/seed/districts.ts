// Reference data: where learners are registered (信息采集) and whom they ask about policy.
// Contact details are maintained by administrators in the portal; the seed only creates the
// rows (and never overwrites what administrators maintained).
import type { DistrictKind } from "../../src/generated/prisma/enums";

export interface DistrictSeed {
  code: string;
  name: string;
  kind: DistrictKind;
  officeName: string;
}

export const DISTRICTS: readonly DistrictSeed[] = [
  { code: "city", name: "武汉市", kind: "CITY", officeName: "武汉市会计考办" },
  { code: "jiangan", name: "江岸区", kind: "DISTRICT", officeName: "江岸区财政局" },
  { code: "jianghan", name: "江汉区", kind: "DISTRICT", officeName: "江汉区财政局" },
  { code: "qiaokou", name: "硚口区", kind: "DISTRICT", officeName: "硚口区财政局" },
  { code: "hanyang", name: "汉阳区", kind: "DISTRICT", officeName: "汉阳区财政局" },
  { code: "wuchang", name: "武昌区", kind: "DISTRICT", officeName: "武昌区财政局" },
  { code: "qingshan", name: "青山区", kind: "DISTRICT", officeName: "青山区财政局" },
  { code: "hongshan", name: "洪山区", kind: "DISTRICT", officeName: "洪山区财政局" },
  { code: "dongxihu", name: "东西湖区", kind: "DISTRICT", officeName: "东西湖区财政局" },
  { code: "hannan", name: "汉南区", kind: "DISTRICT", officeName: "汉南区财政局" },
  { code: "caidian", name: "蔡甸区", kind: "DISTRICT", officeName: "蔡甸区财政局" },
  { code: "jiangxia", name: "江夏区", kind: "DISTRICT", officeName: "江夏区财政局" },
  { code: "huangpi", name: "黄陂区", kind: "DISTRICT", officeName: "黄陂区财政局" },
  { code: "xinzhou", name: "新洲区", kind: "DISTRICT", officeName: "新洲区财政局" },
  { code: "donghu-hitech", name: "东湖新技术开发区", kind: "ZONE", officeName: "东湖新技术开发区财政局" },
  { code: "wuhan-etdz", name: "武汉经济技术开发区", kind: "ZONE", officeName: "武汉经济技术开发区财政局" },
  { code: "donghu-scenic", name: "东湖生态旅游风景区", kind: "ZONE", officeName: "东湖生态旅游风景区财政局" },
];

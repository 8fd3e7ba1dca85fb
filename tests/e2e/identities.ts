// Who the end-to-end tests sign in as. The demo learners (prisma/seed) serve the acceptance
// scenarios that name them; every spec that changes a learner's state has learners of its own,
// registered by the e2e server, so that specs never depend on the order they run in.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeCheckCharacter } from "../../src/domain/identity";

/** Where the e2e server leaves its database's address for tests that arrange data by SQL. */
export function e2eDatabaseUrlFile(port: string = process.env.E2E_PORT ?? "3100"): string {
  return join(tmpdir(), `wh-kjxx-e2e-${port}.database-url`);
}

/** The database the e2e server is using (its embedded one, or TEST_DATABASE_URL). */
export function e2eDatabaseUrl(): string {
  return readFileSync(e2eDatabaseUrlFile(), "utf8").trim();
}

export interface E2EIdentity {
  idNumber: string;
  name: string;
}

export const DEMO = {
  liMing: { idNumber: "420102198503121238", name: "李明" },
  wangFang: { idNumber: "420106199007152342", name: "王芳" },
  zhangWei: { idNumber: "420111197801013456", name: "张伟" },
  chenJing: { idNumber: "810000199001010019", name: "陈静" },
  liuYang: { idNumber: "420103199202284560", name: "刘洋" },
} as const;

function idNumber(birth: string, sequence: number): string {
  const first17 = `420105${birth}${String(sequence).padStart(3, "0")}`;
  return first17 + computeCheckCharacter(first17);
}

/** Learners of one spec each (汉阳区, starting this year unless said otherwise). */
export const E2E = {
  playbackWatcher: { idNumber: idNumber("19880101", 101), name: "周敏" },
  playbackCheater: { idNumber: idNumber("19880102", 103), name: "蒋丽" },
  playbackTwoTabs: { idNumber: idNumber("19880103", 105), name: "吴刚" },
  playbackReporter: { idNumber: idNumber("19880104", 107), name: "郑洁" },
  playbackFormats: { idNumber: idNumber("19880105", 109), name: "钱进" },
  examRestudy: { idNumber: idNumber("19880106", 111), name: "冯磊" },
  examExpiry: { idNumber: idNumber("19880107", 113), name: "褚红" },
  supportReporter: { idNumber: idNumber("19880108", 115), name: "卫东" },
  supportBrokenVideo: { idNumber: idNumber("19880109", 117), name: "沈静" },
  playbackPresence: { idNumber: idNumber("19880110", 119), name: "韩梅" },
  securityLearner: { idNumber: idNumber("19880111", 121), name: "秦安" },
} as const satisfies Record<string, E2EIdentity>;

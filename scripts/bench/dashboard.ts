// Benchmark (not a test): a signed-in learner's dashboard under 50 concurrent connections, on a
// production build with real PostgreSQL. Prints requests per second and latency percentiles.
//   npx tsx --conditions=react-server scripts/bench/dashboard.ts
import { closedLoop, cpuInfo, createBenchDatabase, sessionCookie, startPortal, BENCH_SECRETS } from "./lib";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = 3410;

const database = await createBenchDatabase("bench_dashboard");
Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: database.url });
const { getDb } = await import("../../src/server/db");
const { seedDemoData } = await import("../../prisma/seed");
const { hashIdNumber } = await import("../../src/server/identity/id-number-crypto");
await seedDemoData(getDb(), { staffPassword: "Bench-Password-2026!" });
const liMing = await getDb().learner.findUniqueOrThrow({ where: { idNumberHmac: hashIdNumber("420102198503121238") } });
await getDb().$disconnect();

const portal = await startPortal({ databaseUrl: database.url, port: PORT });
try {
  const cookie = await sessionCookie(database.url, "learner", liMing.id);
  const page = await fetch(`${portal.base}/`, { headers: { cookie } });
  const html = await page.text();
  if (!html.includes("还需 48 学分")) throw new Error("The dashboard did not render for the benchmark learner");
  // Warm-up, then the measured run.
  await closedLoop({
    connections: 10,
    seconds: 3,
    request: async () => (await fetch(`${portal.base}/`, { headers: { cookie } })).ok,
  });
  const result = await closedLoop({
    connections: CONNECTIONS,
    seconds: SECONDS,
    request: async () => {
      const response = await fetch(`${portal.base}/`, { headers: { cookie } });
      await response.arrayBuffer();
      return response.ok;
    },
  });
  console.log(
    `dashboard (/) as 李明, ${CONNECTIONS} connections, ${SECONDS} s, ${cpuInfo()}, PostgreSQL ${database.url.split("@")[1]}`,
  );
  console.log(`  requests: ${result.requests}  failures: ${result.failures}`);
  console.log(`  throughput: ${result.perSecond.toFixed(1)} req/s`);
  console.log(`  latency: p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`);
} finally {
  portal.stop();
  await database.drop();
}

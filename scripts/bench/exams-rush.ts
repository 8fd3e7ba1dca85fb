// The load of the exam benchmark (scripts/bench/exams.ts): the learners' requests as the browser
// makes them (the login server action, the exam endpoints, the RSC payloads of the pages), one
// round of the rush, and the portal's CPU time from /proc.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { Seeded } from "./exams-seed";

/** The portal's instances: their base URLs (learners spread over them) and server processes. */
export interface Instances {
  bases: readonly string[];
  servers: readonly ChildProcess[];
}

/** A process and its descendants (serveNext may run the server in a child process). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children = children.concat(listed.split(" ").map(Number));
    }
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time (user + system) the portal's processes have used so far, from /proc (Linux). */
function serverCpuMs(servers: readonly ChildProcess[]): number {
  let total = 0;
  for (const pid of servers.flatMap((s) => (s.pid ? processTree(s.pid) : []))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 ticks/s
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

interface Call {
  ok: boolean;
  ms: number;
  body: string;
  cookies: string[];
}

async function timed(request: () => Promise<Response>, ok: (res: Response, body: string) => boolean): Promise<Call> {
  const t0 = performance.now();
  try {
    const res = await request();
    const body = await res.text();
    return { ok: ok(res, body), ms: performance.now() - t0, body, cookies: res.headers.getSetCookie() };
  } catch {
    return { ok: false, ms: performance.now() - t0, body: "", cookies: [] };
  }
}

/** Invokes a server action over HTTP as React does: POST to the page, Next-Action header, JSON args. */
const callAction = (base: string, path: string, actionId: string, input: object, cookie = "") =>
  timed(
    () =>
      fetch(base + path, {
        method: "POST",
        redirect: "manual",
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: base, Cookie: cookie },
        body: JSON.stringify([null, input]),
      }),
    // A redirect (the login), or the result row of the action's flight response.
    (res, body) => res.status < 400 && (res.headers.has("x-action-redirect") || /"ok":true/.test(body)),
  );

/** An exam endpoint as the page calls it: a same-origin JSON POST. */
const callExam = (base: string, path: string, input: object, cookie = "") =>
  timed(
    () =>
      fetch(base + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base, "Sec-Fetch-Site": "same-origin", Cookie: cookie },
        body: JSON.stringify(input),
      }),
    (res, body) => res.status === 200 && body.startsWith('{"ok":true'),
  );

/** A page as the client router fetches it after router.push or router.refresh: its RSC payload. */
const openPage = (base: string, path: string, cookie: string) =>
  timed(
    () => fetch(base + path, { headers: { RSC: "1", Cookie: cookie } }),
    (res) => res.status === 200,
  );

/** Runs `work` for every item, all at once or one after another; results in item order. */
async function each<T, R>(items: readonly T[], together: boolean, work: (item: T, i: number) => Promise<R>) {
  if (together) return Promise.all(items.map(work));
  const results: R[] = [];
  for (const [i, item] of items.entries()) results.push(await work(item, i));
  return results;
}

/**
 * One round: everyone logs in, then starts (at once), opens the paper, answers, and hands in (at
 * once). With `together` false the same requests run one at a time: the service time of each.
 */
export async function rush(
  portal: Instances,
  { key, learners }: Seeded,
  ids: Map<string, string>,
  paperOf: PaperOf,
  together = true,
) {
  const action = (name: string) => ids.get(name) ?? "";
  const base = (i: number) => portal.bases[i % portal.bases.length] ?? "";
  const cpu: Record<string, number> = {};
  const measure = async <R>(name: string, work: () => Promise<R>): Promise<R> => {
    const before = serverCpuMs(portal.servers);
    const result = await work();
    cpu[name] = serverCpuMs(portal.servers) - before;
    return result;
  };
  const sessions = await each(learners, together, async (l, i) => {
    const login = await callAction(base(i), "/login", action("loginLearner"), { idNumber: l.idNumber, name: l.name });
    return login.cookies.map((c) => c.split(";")[0]).join("; ");
  });
  const start = await measure("start", () =>
    each(learners, together, (l, i) =>
      callExam(base(i), "/api/exams/start", { enrollmentId: l.enrollmentId }, sessions[i]),
    ),
  );
  const attemptIds = start.map((s) => /"attemptId":"([^"]+)"/.exec(s.body)?.[1] ?? "");
  const paths = learners.map((l, i) => `/exams/${l.enrollmentId}/attempts/${attemptIds[i]}`);
  const open = await measure("open", () =>
    each(paths, together, (path, i) => openPage(base(i), path, sessions[i] ?? "")),
  );
  const answers = await measure("save", () =>
    each(learners, together, async (l, i) => {
      const calls: Call[] = [];
      for (const [index, q] of (await paperOf(attemptIds[i] ?? "")).entries()) {
        const correct = key.get(q.questionId) ?? [];
        const right = l.passes || index < 3;
        const optionIds = right ? correct : q.optionOrder.filter((id) => !correct.includes(id)).slice(0, 1);
        const input = { attemptId: attemptIds[i], questionId: q.questionId, optionIds };
        calls.push(await callExam(base(i), "/api/exams/answer", input, sessions[i]));
      }
      return calls;
    }),
  );
  const submit = await measure("submit", () =>
    each(learners, together, (_, i) =>
      callExam(base(i), "/api/exams/submit", { attemptId: attemptIds[i] }, sessions[i]),
    ),
  );
  // After the hand-in the page refreshes itself into the result (router.refresh).
  const result = await measure("result", () =>
    each(paths, together, (path, i) => openPage(base(i), path, sessions[i] ?? "")),
  );
  const allSaved = answers.map((calls) => calls.length > 0 && calls.every((c) => c.ok));
  return { calls: { start, open, save: answers.flat(), submit, result }, cpu, allSaved };
}
export type PaperOf = (attemptId: string) => Promise<{ questionId: string; optionOrder: string[] }[]>;

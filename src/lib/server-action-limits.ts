// The largest body a server action accepts: learner imports (up to 5 MB of XLSX/CSV) are posted
// to server actions, whose default limit is 1 MB. next.config.ts gives it to Next.js; the
// portal's listener refuses a larger declared body before Next.js reads it (src/server/http/).
export const SERVER_ACTION_BODY_LIMIT_MB = 6;
export const SERVER_ACTION_BODY_LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024;

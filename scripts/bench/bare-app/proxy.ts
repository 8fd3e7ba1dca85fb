import { NextResponse } from "next/server";

// Not part of what is measured: Turbopack looks for a proxy (and an instrumentation file) from the
// app's folder upward to the workspace root, and without one here it would compile the portal's
// src/proxy.ts into this app. Its matcher matches no page, so no request runs it.
export default function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ["/__bench-no-page"] };

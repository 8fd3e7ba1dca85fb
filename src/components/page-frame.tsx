import type { ReactNode } from "react";

/**
 * A page's header and main area (the root layout adds the footer). Each area's layout chooses
 * its header: the signed-in one, rendered per request, or the public one of the prebuilt pages.
 */
export function PageFrame({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <>
      {header}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}

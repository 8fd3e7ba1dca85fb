// A module-resolution hook for the production server process: resolves `server-only` (the
// marker that keeps server modules out of browser bundles) with the react-server condition, as
// Next.js does for server code, without putting the whole process under that condition (which
// would break Next.js's own React rendering).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  }
  return nextResolve(specifier, context);
}

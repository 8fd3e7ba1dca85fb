/**
 * The query string of a list's address: the filters that are set (empty ones left out), in the
 * order given, then the page when it is not the first. Empty when nothing is set.
 */
export function queryString(filters: Record<string, string | number | undefined>, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

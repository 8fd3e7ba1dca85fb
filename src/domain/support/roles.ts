// Who works the support console: support staff, and the city office, which oversees everything.
// District administrators do not: playback problems are handled centrally.
export const SUPPORT_ROLES = ["SUPPORT", "CITY_ADMIN"] as const;
export type SupportRole = (typeof SUPPORT_ROLES)[number];

export function isSupportRole(role: string): role is SupportRole {
  return (SUPPORT_ROLES as readonly string[]).includes(role);
}

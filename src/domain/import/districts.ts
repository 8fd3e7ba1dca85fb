/**
 * Which district a spreadsheet cell names. Bureaus write 武昌区, 武昌, 武昌区财政局 or the
 * common short names of the functional zones (东湖高新区, 武汉经开区…).
 */
export interface ImportDistrict {
  id: number;
  code: string;
  name: string;
  kind: "CITY" | "DISTRICT" | "ZONE";
  officeName: string;
}

// Short names in everyday use for the functional zones, keyed by district code.
const ZONE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "donghu-hitech": ["东湖高新区", "东湖高新", "光谷", "东湖开发区"],
  "wuhan-etdz": ["武汉经开区", "经开区", "武汉经济开发区", "沌口", "汉南区（经开区）"],
  "donghu-scenic": ["东湖风景区", "东湖生态旅游风景区", "东湖风景区管委会"],
};

function canonical(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "");
}

/** A lookup from every accepted spelling to its district. */
export function districtMatcher(districts: readonly ImportDistrict[]): (cell: string) => ImportDistrict | null {
  const byName = new Map<string, ImportDistrict>();
  for (const d of districts) {
    const names = [d.name, d.code, d.officeName, ...(ZONE_ALIASES[d.code] ?? [])];
    // 武昌区 → 武昌 (not for names that would become one character, nor for zones).
    if (d.kind === "DISTRICT" && d.name.endsWith("区") && d.name.length > 2) names.push(d.name.slice(0, -1));
    for (const name of names) byName.set(canonical(name).toLowerCase(), d);
  }
  return (cell) => byName.get(canonical(cell).toLowerCase()) ?? null;
}

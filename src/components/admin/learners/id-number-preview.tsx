"use client";

import type { ReactNode } from "react";
import { parseIdNumber } from "@/domain/identity";
import { GENDER_LABELS } from "@/domain/learners";

/**
 * What the ID number being typed says: gender and birth date once it is complete and valid, the
 * reason once it is long enough to judge, a hint before that. The same pure rules as the server.
 */
export function IdNumberPreview({ id, value }: { id: string; value: string }) {
  const compact = value.normalize("NFKC").replace(/\s+/gu, "");
  const parsed = compact.length >= 15 ? parseIdNumber(value) : null;
  let content: ReactNode = "输入完整的18位身份证号后，将自动识别性别和出生日期。";
  let tone = "text-slate-500";
  if (parsed?.ok) {
    const [year, month, day] = parsed.birthDate.split("-");
    content = (
      <>
        性别：<strong>{GENDER_LABELS[parsed.gender]}</strong>　出生日期：
        <strong>
          {year}年{month}月{day}日
        </strong>
      </>
    );
    tone = "text-emerald-800";
  } else if (parsed && (compact.length >= 18 || compact.length === 15)) {
    content = parsed.reason;
    tone = "text-amber-800";
  }
  return (
    <output id={id} aria-live="polite" className={`mt-1 block text-sm ${tone}`}>
      {content}
    </output>
  );
}

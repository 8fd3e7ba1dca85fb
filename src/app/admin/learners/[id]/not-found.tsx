import Link from "next/link";

// The answer for a learner id that does not exist and for another district's learner alike.
export default function LearnerNotFound() {
  return (
    <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold text-brand-900">未找到该学员</h1>
      <p className="mt-2 text-sm text-slate-600">该学员不存在，或不在您负责的区。</p>
      <Link href="/admin/learners" className="mt-4 inline-block text-brand-700 hover:underline">
        返回学员管理
      </Link>
    </section>
  );
}

import Link from "next/link";
import { QuestionForm } from "@/components/admin/courses/question-form";
import { createQuestion } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";

export const metadata = { title: "添加题目" };

export default async function NewQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("catalogue.edit");
  const { id } = await params;
  return (
    <section
      aria-labelledby="question-new"
      className="max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="question-new" className="mb-5 text-lg font-semibold text-slate-900">
        添加题目
      </h2>
      <QuestionForm action={createQuestion} courseId={id} />
      <p className="mt-4 text-sm">
        <Link href={`/admin/courses/${id}/questions`} className="text-brand-700 hover:underline">
          返回题库
        </Link>
      </p>
    </section>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/components/admin/courses/question-form";
import { updateQuestion } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";
import { findAdminQuestion } from "@/server/courses/admin/find-admin-question";

export const metadata = { title: "修改题目" };

export default async function EditQuestionPage({ params }: { params: Promise<{ id: string; questionId: string }> }) {
  const staff = await requireStaff("catalogue.edit");
  const { id, questionId } = await params;
  const question = await findAdminQuestion(staff, id, questionId);
  if (!question) notFound();
  return (
    <section
      aria-labelledby="question-edit"
      className="max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="question-edit" className="mb-5 text-lg font-semibold text-slate-900">
        修改题目
      </h2>
      <QuestionForm action={updateQuestion} courseId={id} question={question} />
      <p className="mt-4 text-sm">
        <Link href={`/admin/courses/${id}/questions`} className="text-brand-700 hover:underline">
          返回题库
        </Link>
      </p>
    </section>
  );
}

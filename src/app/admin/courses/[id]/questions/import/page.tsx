import Link from "next/link";
import { QuestionImportForm } from "@/components/admin/courses/question-import-form";
import { importQuestions } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";

export const metadata = { title: "批量导入题目" };

export default async function ImportQuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("catalogue.edit");
  const { id } = await params;
  return (
    <section
      aria-labelledby="question-import"
      className="max-w-3xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="question-import" className="mb-2 text-lg font-semibold text-slate-900">
        批量导入题目
      </h2>
      <p className="mb-5 text-sm text-slate-600">
        先检查文件：系统列出有问题的行及原因，不写入任何内容。确认后，可以导入的题目在一次操作中全部加入题库（有问题的行不导入）。
      </p>
      <QuestionImportForm action={importQuestions} courseId={id} />
      <p className="mt-4 text-sm">
        <Link href={`/admin/courses/${id}/questions`} className="text-brand-700 hover:underline">
          返回题库
        </Link>
      </p>
    </section>
  );
}

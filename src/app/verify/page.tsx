import { redirect } from "next/navigation";
import { parseCertificateCode } from "@/domain/certificates";
import { VerifyForm } from "@/components/verify/verify-form";
import { verifyMessages as m } from "@/messages/zh-CN";

export const metadata = { title: m.title };

// The form for a code typed from paper; a scanned QR code opens /verify/<code> directly.
export default async function VerifyIndexPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  if (typeof code === "string" && code.trim()) {
    // A malformed code goes on too: /verify/<code> answers it exactly like an unknown one.
    redirect(`/verify/${encodeURIComponent(parseCertificateCode(code) ?? code.trim().slice(0, 40))}`);
  }
  return (
    <section className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{m.title}</h1>
      <p className="mt-3 text-lg text-slate-700">{m.intro}</p>
      <VerifyForm />
    </section>
  );
}

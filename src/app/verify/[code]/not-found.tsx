import { verifyMessages as m } from "@/messages/zh-CN";
import { VerifyForm } from "@/components/verify/verify-form";

// An unknown and a malformed code: one answer (HTTP 404), so that it tells nothing about either.
export default function CertificateNotFound() {
  return (
    <section className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{m.notFoundTitle}</h1>
      <p className="mt-3 text-lg text-slate-700">{m.notFoundNote}</p>
      <VerifyForm />
    </section>
  );
}

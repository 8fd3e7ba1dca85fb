/**
 * 下载学时证明: a plain link to the PDF (a phone downloads and opens it like any file). Large
 * enough to hit with a thumb; hidden when the page is printed.
 */
export function CertificateDownloadLink({ code, year }: { code: string; year: number }) {
  return (
    <a
      href={`/certificates/${code}`}
      download
      className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-brand-700 px-4 font-medium text-brand-800 hover:bg-brand-50 print:hidden"
      aria-label={`下载 ${year} 年度学时证明（PDF）`}
    >
      下载学时证明
      <span className="text-sm text-slate-600">PDF</span>
    </a>
  );
}

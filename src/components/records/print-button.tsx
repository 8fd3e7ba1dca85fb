"use client";

import { Button } from "@/components/ui/button";
import { recordMessages } from "@/messages/zh-CN/records";

/** 打印学习记录: the browser's print dialog (the print CSS leaves the record alone). Never printed. */
export function PrintButton() {
  return (
    <Button type="button" onClick={() => window.print()} className="min-h-11 w-full sm:w-auto print:hidden">
      {recordMessages.printButton}
    </Button>
  );
}

import { HelpContent } from "@/components/public/help-content";
import { MyReports } from "./my-reports";

export const metadata = { title: "学习帮助" };

export default function HelpPage() {
  return <HelpContent myReports={<MyReports />} />;
}

import { HelpContent } from "@/components/public/help-content";

export const metadata = { title: "学习帮助" };

export default function SignedOutHelpPage() {
  return <HelpContent />;
}

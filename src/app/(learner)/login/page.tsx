import { redirect } from "next/navigation";
import { LoginPanel } from "@/components/learner/login-panel";
import { getCurrentLearner } from "@/server/auth/session";

export const metadata = { title: "学员登录" };

// Reached with a session only (src/proxy.ts serves visitors the prebuilt copy): a signed-in
// learner goes to the dashboard.
export default async function LoginPage() {
  if (await getCurrentLearner()) redirect("/");
  return <LoginPanel />;
}

import { LoginPanel } from "@/components/learner/login-panel";

export const metadata = { title: "学员登录" };

export default function SignedOutLoginPage() {
  return <LoginPanel />;
}

import { Landing } from "@/components/public/landing";

export default function SignedOutHomePage() {
  return <Landing />;
}

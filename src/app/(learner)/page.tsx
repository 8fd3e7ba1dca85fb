import { Dashboard } from "./dashboard";
import { Landing } from "@/components/public/landing";
import { getCurrentLearner } from "@/server/auth/session";

// The home page: a signed-in learner's dashboard, otherwise the public landing page.
export default async function HomePage() {
  const learner = await getCurrentLearner();
  return learner ? <Dashboard learner={learner} /> : <Landing />;
}

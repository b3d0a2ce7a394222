import { OverdueBanner } from "@/components/admin-schedules/OverdueBanner";
import { AppNav } from "@/components/layout/AppNav";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Every page inside needs a signed-in, active user. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <AppNav user={user} />
      <OverdueBanner user={user} />
      {children}
    </>
  );
}

import { redirect } from "next/navigation";
import { AppNav } from "@/components/layout/AppNav";
import { getSessionUser } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";

/** Every page inside needs a signed-in, active user. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect((await hasAnyUser()) ? "/signin" : "/setup");
  return (
    <>
      <AppNav user={user} />
      {children}
    </>
  );
}

import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { getSessionUser } from "@/lib/auth/session";
import { hasAnyUser } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await getSessionUser()) redirect("/dashboards");
  const { welcome } = await searchParams;
  return (
    <AuthCard title="Sign in" lead="Use the email and password of your Spyglass account.">
      <Suspense>
        <SignInForm welcome={welcome === "1"} />
      </Suspense>
    </AuthCard>
  );
}

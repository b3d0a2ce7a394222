import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { SetupForm } from "@/components/auth/SetupForm";
import { hasAnyUser } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/signin");
  return (
    <AuthCard title="Welcome to Spyglass" lead="Create the admin account. You can invite your team afterwards.">
      <SetupForm />
    </AuthCard>
  );
}

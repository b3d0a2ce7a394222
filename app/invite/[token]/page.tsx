import Link from "next/link";
import { AcceptInviteForm } from "@/components/admin-users/AcceptInviteForm";
import { roleHelp, withArticle } from "@/components/admin-users/roles";
import { AuthCard } from "@/components/auth/AuthCard";
import { lookupInvite } from "@/lib/invites/find-invite";
import { unusableInvite } from "@/lib/invites/status";

export const dynamic = "force-dynamic";
// The token is in this page's address: never send it to another site in a Referer header.
export const metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

/** Public: the person holding an invitation link has no account yet. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupInvite(token);
  if (found.status !== "pending") {
    const { title, message } = unusableInvite[found.status];
    return (
      <AuthCard title={title} lead={message}>
        <Link className="btn" href="/signin">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const { invite } = found;
  if (invite.accountExists) {
    return (
      <AuthCard title="You already have an account" lead={`An account for ${invite.email} already exists. Sign in with it instead.`}>
        <Link className="btn btn-primary" href={`/signin?email=${encodeURIComponent(invite.email)}`}>
          Sign in
        </Link>
      </AuthCard>
    );
  }
  const who = invite.invitedBy ?? "An admin";
  return (
    <AuthCard
      title="Join Spyglass"
      lead={`${who} invited you to Spyglass as ${withArticle(invite.role)} (${roleHelp[invite.role]}). Choose your name and a password.`}
    >
      <AcceptInviteForm token={token} email={invite.email} />
    </AuthCard>
  );
}

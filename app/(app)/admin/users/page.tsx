import { AdminOnlyNotice } from "@/components/admin-users/AdminOnlyNotice";
import { PeopleAdmin } from "@/components/admin-users/PeopleAdmin";
import { canManagePeople } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/env";
import { listPendingInvites } from "@/lib/invites/list-invites";
import { listUsers } from "@/lib/users/list-users";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  const user = await requirePageUser();
  if (!canManagePeople(user)) return <AdminOnlyNotice />;
  const [users, invites] = await Promise.all([listUsers(), listPendingInvites()]);
  return (
    <PeopleAdmin currentUserId={user.id} initialUsers={users} initialInvites={invites} smtpConfigured={Boolean(getSettings().SMTP_URL)} />
  );
}

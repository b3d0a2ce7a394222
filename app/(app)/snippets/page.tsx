import { SnippetsManager } from "@/components/snippets/SnippetsManager";
import { canEditContent } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listSnippets } from "@/lib/snippets/manage-snippets";

export const metadata = { title: "SQL snippets" };

export default async function SnippetsPage() {
  const user = await requirePageUser();
  return (
    <main className="page">
      <SnippetsManager initial={await listSnippets()} canEdit={canEditContent(user)} />
    </main>
  );
}

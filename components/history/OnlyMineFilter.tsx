"use client";
// The "Only mine" checkbox of the history page: it changes the URL, the server component lists the runs.
import { usePathname, useRouter } from "next/navigation";

export function OnlyMineFilter({ mine }: { mine: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="row" style={{ gap: 6 }}>
      <input type="checkbox" checked={mine} onChange={(e) => router.push(e.target.checked ? `${pathname}?mine=1` : pathname)} />
      Only mine
    </label>
  );
}

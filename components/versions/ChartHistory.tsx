"use client";

// A chart's version history on a page of its own (opened from a dashboard tile's menu): after a restore
// the server page is read again, so the header shows the restored chart's version.
import { useRouter } from "next/navigation";
import { VersionHistory } from "./VersionHistory";

export function ChartHistory({ chartId, version, canEdit }: { chartId: string; version: number; canEdit: boolean }) {
  const router = useRouter();
  return <VersionHistory kind="chart" id={chartId} currentVersion={version} canEdit={canEdit} onRestored={() => router.refresh()} />;
}

// The one-line "who made this" shown on the SQL page for an open chart and in a dashboard tile's definition.
import { relativeTime } from "@/components/dashboards/relative-time";

export interface Authorship {
  ownerName: string | null;
  updatedByName: string | null;
  /** When the chart was last saved (ISO). */
  updatedAt: string;
}

/** "Owned by Ada · edited by Grace 3 hours ago"; the editor's name is left out when it is the owner. */
export function authorshipLine({ ownerName, updatedByName, updatedAt }: Authorship, now: number = Date.now()): string {
  const owner = ownerName ? `Owned by ${ownerName}` : "No owner";
  const by = updatedByName && updatedByName !== ownerName ? ` by ${updatedByName}` : "";
  return `${owner} · edited${by} ${relativeTime(updatedAt, now)}`;
}

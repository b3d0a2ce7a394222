/** Shown on a dashboard while refreshes cannot be queued: the numbers are the cached ones. */
export function RefreshesPausedNotice({ reason }: { reason: string | null | undefined }) {
  return (
    <p className="notice" role="status" data-testid="refreshes-paused" style={{ marginBottom: 16 }}>
      {reason ?? "Refreshes are paused"}. You are seeing the last cached results; scheduled and manual refreshes resume when it is back.
    </p>
  );
}

"use client";
// Filters wired to a dashboard page: values in the URL, and the results for them fetched in one request
// (GET /api/dashboards/[id]/results?f.<name>=...), the previous request cancelled when values change again.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FilterControlDef, FilterValues } from "@/lib/dashboard-filters/schema";
import { filterQueryString } from "@/lib/dashboard-filters/url";
import { useFilterUrlState } from "./use-filter-url-state";

export interface FilteredView {
  /** Values set in the URL (pass to FilterBar). */
  values: FilterValues;
  /** Put new values in the URL and load their results (pass to FilterBar as onChange). */
  setValues: (values: FilterValues) => void;
  /** The results URL for the values in the URL, e.g. for polling after "Refresh now". */
  resultsUrl: string;
  /** The filter query string of the values in the URL ("f.period=last_7_days&..."; "" for none). */
  query: string;
  /** Results for new values are loading. */
  busy: boolean;
  /** Why the last load failed (tiles keep showing the previous results). */
  error: string | null;
}

/**
 * `view` is the page's current view; `onView` receives each view loaded for new values. If the view the
 * server rendered was computed for other values than the URL's (a page that did not pass its
 * searchParams to getDashboardView), the results for the URL's values are loaded once on mount.
 */
/** The part of a dashboard view the filters need: the public page's view is one too. */
export interface FilterableView {
  id: string;
  tiles: unknown[];
  filters?: readonly FilterControlDef[];
  filterValues?: FilterValues;
}

/** `resultsBase` is where the results come from (default the signed-in API; a public page passes its own). */
export function useFilteredView<V extends FilterableView>(view: V, onView: (view: V) => void, resultsBase?: string): FilteredView {
  const filters = useMemo(() => view.filters ?? [], [view.filters]);
  const [values, setUrlValues] = useFilterUrlState(filters);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const onViewRef = useRef(onView);
  useEffect(() => {
    onViewRef.current = onView;
  }, [onView]);

  const base = resultsBase ?? `/api/dashboards/${encodeURIComponent(view.id)}/results`;
  const urlFor = useCallback((v: FilterValues) => {
    const query = filterQueryString(filters, v);
    return query ? `${base}?${query}` : base;
  }, [base, filters]);

  const load = useCallback(
    async (v: FilterValues) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setBusy(true);
      setError(null);
      try {
        const res = await fetch(urlFor(v), { signal: controller.signal });
        const body = (await res.json().catch(() => null)) as (V & { error?: { message?: string } }) | null;
        if (!res.ok || !body || !Array.isArray(body.tiles)) throw new Error(body?.error?.message ?? "Could not load the results for these filters.");
        if (!controller.signal.aborted) onViewRef.current(body);
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "Could not load the results for these filters.");
      } finally {
        if (inFlight.current === controller) {
          inFlight.current = null;
          setBusy(false);
        }
      }
    },
    [urlFor],
  );

  const setValues = useCallback(
    (next: FilterValues) => {
      setUrlValues(next);
      void load(next);
    },
    [setUrlValues, load],
  );

  // Once, on mount: the server-rendered view may have been computed for other values than the URL's.
  const mountCheck = useRef<{ done: boolean; rendered: string; url: string; values: FilterValues }>({
    done: false,
    rendered: filterQueryString(filters, view.filterValues ?? {}),
    url: filterQueryString(filters, values),
    values,
  });
  useEffect(() => {
    const check = mountCheck.current;
    if (check.done) return;
    check.done = true;
    if (check.rendered !== check.url) void load(check.values);
  }, [load]);

  return { values, setValues, resultsUrl: urlFor(values), query: filterQueryString(filters, values), busy, error };
}

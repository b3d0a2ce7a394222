"use client";
// Filter values kept in the page's URL (`?f.<name>=...`, lib/dashboard-filters/url.ts), so a pasted link
// reproduces the view.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { FilterControlDef, FilterValues } from "@/lib/dashboard-filters/schema";
import { decodeFilterValues, withFilterValues } from "@/lib/dashboard-filters/url";

/**
 * [values set in the URL, set them]. Setting replaces the URL's filter parameters (others are kept) with
 * history.replaceState, which Next's router follows (useSearchParams updates) without a reload and without
 * re-rendering the server page: the caller fetches the results for the new values itself, in one request.
 * A component using this needs a <Suspense> boundary above it if its page is ever prerendered.
 */
export function useFilterUrlState(filters: readonly FilterControlDef[]): [FilterValues, (values: FilterValues) => void] {
  const searchParams = useSearchParams();
  const values = useMemo(() => decodeFilterValues(filters, searchParams), [filters, searchParams]);
  const setValues = useCallback(
    (next: FilterValues) => {
      const query = withFilterValues(window.location.search, filters, next).toString();
      window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`);
    },
    [filters],
  );
  return [values, setValues];
}

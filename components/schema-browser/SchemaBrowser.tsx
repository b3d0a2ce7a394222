"use client";
// Schemas → tables → columns of a data source, searchable. Clicking a table inserts `schema.table`,
// clicking a column inserts its name (through onInsert; the editor decides where).
import { useCallback, useEffect, useMemo, useState } from "react";
import { relativeTime } from "@/components/dashboards/relative-time";
import type { SchemaTree } from "@/lib/schema/types";
import { filterSchemaTree, qualifiedTableName, quoteIfNeeded } from "./filter-tree";
import { fetchSchemaTree } from "./schema-client";
import styles from "./schema-browser.module.css";

export interface SchemaBrowserProps {
  dataSourceId: string;
  onInsert: (text: string) => void;
}

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; tree: SchemaTree };

export function SchemaBrowser(props: SchemaBrowserProps) {
  // A fresh browser (state, open nodes, search) per data source.
  return <SchemaBrowserFor key={props.dataSourceId} {...props} />;
}

function SchemaBrowserFor({ dataSourceId, onInsert }: SchemaBrowserProps) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [refreshing, setRefreshing] = useState(false);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(
    async (refresh: boolean) => {
      if (refresh) setRefreshing(true);
      else setState({ status: "loading" });
      try {
        const tree = await fetchSchemaTree(dataSourceId, refresh);
        setState({ status: "ready", tree });
        setNow(Date.now());
      } catch (e) {
        setState({ status: "error", message: e instanceof Error ? e.message : String(e) });
      } finally {
        setRefreshing(false);
      }
    },
    [dataSourceId],
  );

  // The first load; state starts as "loading", so nothing is set before the answer arrives.
  useEffect(() => {
    let cancelled = false;
    fetchSchemaTree(dataSourceId).then(
      (tree) => {
        if (cancelled) return;
        setState({ status: "ready", tree });
        setNow(Date.now());
        // A single schema (the common case) starts open.
        if (tree.schemas.length === 1) setOpen(new Set([tree.schemas[0]!.name]));
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: "error", message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [dataSourceId]);

  // Keeps "cached 3 minutes ago" current.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  const filtered = useMemo(() => (state.status === "ready" ? filterSchemaTree(state.tree.schemas, query) : null), [state, query]);
  const isOpen = (key: string) => open.has(key) || (filtered?.expanded.has(key) ?? false);
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key) || filtered?.expanded.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <section className={styles.browser} data-testid="schema-browser" aria-label="Schema browser">
      <div className={styles.toolbar}>
        <input
          className={`input ${styles.search}`}
          type="search"
          placeholder="Search schema"
          aria-label="Search tables and columns"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="btn" onClick={() => void load(true)} disabled={refreshing || state.status === "loading"} title="Read the schema from the warehouse again">
          {refreshing ? <span className="spinner" aria-hidden /> : null}
          Refresh
        </button>
      </div>
      {state.status === "ready" && <div className={styles.meta}>cached {relativeTime(state.tree.cachedAt, now)}</div>}

      {state.status === "loading" && (
        <div className={styles.meta} role="status">
          <span className="spinner" aria-hidden /> Loading schema…
        </div>
      )}
      {state.status === "error" && (
        <div className="alert" role="alert">
          {state.message}
          <div style={{ marginTop: 8 }}>
            <button type="button" className="btn" onClick={() => void load(true)}>
              Retry
            </button>
          </div>
        </div>
      )}
      {filtered && filtered.schemas.length === 0 && (
        <div className={styles.meta}>{query.trim() ? `Nothing matches "${query.trim()}".` : "No tables this connection can see."}</div>
      )}
      {filtered && filtered.schemas.length > 0 && (
        <ul className={styles.tree} role="tree" aria-label="Schemas">
          {filtered.schemas.map((schema) => {
            const schemaOpen = isOpen(schema.name);
            return (
              <li key={schema.name} className={styles.item} role="treeitem" aria-expanded={schemaOpen} aria-selected={false}>
                <div className={styles.line}>
                  <button type="button" className={styles.toggle} onClick={() => toggle(schema.name)} aria-label={`${schemaOpen ? "Collapse" : "Expand"} schema ${schema.name}`}>
                    {schemaOpen ? "▾" : "▸"}
                  </button>
                  <button type="button" className={styles.name} onClick={() => toggle(schema.name)} title={`Schema ${schema.name}`}>
                    <span className={`${styles.label} ${styles.schemaLabel}`}>
                      {schema.name}
                      <span className={styles.badge}>{schema.tables.length}</span>
                    </span>
                  </button>
                </div>
                {schemaOpen && (
                  <ul className={styles.group} role="group">
                    {schema.tables.map((table) => {
                      const key = `${schema.name}.${table.name}`;
                      const tableOpen = isOpen(key);
                      return (
                        <li key={key} className={styles.item} role="treeitem" aria-expanded={tableOpen} aria-selected={false}>
                          <div className={styles.line}>
                            <button type="button" className={styles.toggle} onClick={() => toggle(key)} aria-label={`${tableOpen ? "Collapse" : "Expand"} ${table.kind} ${key}`}>
                              {tableOpen ? "▾" : "▸"}
                            </button>
                            <button
                              type="button"
                              className={styles.name}
                              onClick={() => onInsert(qualifiedTableName(schema.name, table.name))}
                              title={`Insert ${key}${table.comment ? `\n\n${table.comment}` : ""}`}
                              aria-label={`Insert ${table.kind} ${key}`}
                            >
                              <span className={styles.label}>
                                {table.name}
                                {table.kind === "view" && <span className={styles.badge}>view</span>}
                              </span>
                              {table.comment && <span className={styles.comment}>{table.comment}</span>}
                            </button>
                          </div>
                          {tableOpen && (
                            <ul className={styles.group} role="group">
                              {table.columns.map((column) => (
                                <li key={column.name} className={styles.item} role="treeitem" aria-selected={false}>
                                  <div className={styles.line}>
                                    <span className={styles.toggle} aria-hidden />
                                    <button
                                      type="button"
                                      className={styles.name}
                                      onClick={() => onInsert(quoteIfNeeded(column.name))}
                                      title={`Insert ${column.name} (${column.type})${column.comment ? `\n\n${column.comment}` : ""}`}
                                      aria-label={`Insert column ${column.name}, ${column.type}`}
                                    >
                                      <span className={styles.label}>
                                        {column.name}
                                        <span className={styles.type}>{column.type}</span>
                                      </span>
                                      {column.comment && <span className={styles.comment}>{column.comment}</span>}
                                    </button>
                                  </div>
                                </li>
                              ))}
                            </ul>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

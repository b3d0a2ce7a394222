import styles from "./search.module.css";

/**
 * A plain GET form (works before any script loads): /search?q=... by default, or the dashboard list's
 * own filter with `action="/dashboards"` and the tag kept as a hidden field.
 */
export function SearchForm({
  defaultValue = "",
  action = "/search",
  label = "Search dashboards, charts and definitions",
  placeholder = "Search dashboards, charts and definitions",
  hidden = {},
  autoFocus = false,
}: {
  defaultValue?: string;
  action?: string;
  label?: string;
  placeholder?: string;
  hidden?: Record<string, string | undefined>;
  autoFocus?: boolean;
}) {
  return (
    <form role="search" action={action} method="get" className={styles.form}>
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <input
        className={`input ${styles.input}`}
        type="search"
        name="q"
        aria-label={label}
        placeholder={placeholder}
        defaultValue={defaultValue}
        maxLength={200}
        autoFocus={autoFocus}
      />
      <button className="btn" type="submit">
        Search
      </button>
    </form>
  );
}

import type { SettingChange } from "@/lib/versions/diff";
import styles from "./versions.module.css";

/** Settings that differ, one row per setting: its path, the value before and after. */
export function SettingsDiff({ changes, label }: { changes: SettingChange[]; label: string }) {
  return (
    <table className={styles.settings} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path}>
            <th scope="row">
              <code>{c.path}</code>
            </th>
            <td className={c.before === undefined ? styles.none : styles.delCell}>{c.before === undefined ? "not set" : <code>{c.before}</code>}</td>
            <td className={c.after === undefined ? styles.none : styles.addCell}>{c.after === undefined ? "not set" : <code>{c.after}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

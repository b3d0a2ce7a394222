import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./SignOutButton";
import styles from "./nav.module.css";

export function AppNav({ user }: { user: SessionUser }) {
  return (
    <nav className={styles.nav} aria-label="Main">
      <Link href="/dashboards" className={styles.brand}>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/favicon.svg" alt="" /> Spyglass
      </Link>
      <Link className={styles.link} href="/dashboards">
        Dashboards
      </Link>
      <Link className={styles.link} href="/sql">
        SQL
      </Link>
      <Link className={styles.link} href="/queries/history">
        History
      </Link>
      <Link className={styles.link} href="/snippets">
        Snippets
      </Link>
      <Link className={styles.link} href="/search">
        Search
      </Link>
      {user.role === "ADMIN" && (
        <>
          <Link className={styles.link} href="/admin/data-sources">
            Data sources
          </Link>
          <Link className={styles.link} href="/admin/users">
            People
          </Link>
          <Link className={styles.link} href="/admin/schedules">
            Schedules
          </Link>
        </>
      )}
      <div className={styles.user}>
        <span>
          {user.name} · {user.role.toLowerCase()}
        </span>
        <SignOutButton className={styles.signout} />
      </div>
    </nav>
  );
}

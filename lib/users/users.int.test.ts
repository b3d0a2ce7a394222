// Managing accounts over the real web app: roles change at once, Spyglass always keeps an active admin,
// and account listings never carry password hashes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { expectAppError } from "@/lib/testing/expect-app-error";
import { signInCookie } from "@/lib/testing/fixtures";
import { requireWebApp } from "@/lib/testing/web-app";
import { updateUser } from "./update-user";

const base = () => getRuntimeEnv().APP_URL;
const password = "a long test password";
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const created: string[] = [];
// Admins other tests left active: set aside while these tests need to know exactly who the admins are.
let setAside: string[] = [];

async function makeUser(who: string, role: "ADMIN" | "EDITOR" | "VIEWER"): Promise<SessionUser & { cookie: string }> {
  const email = `users-${who.toLowerCase()}-${stamp}@example.com`;
  const u = await getDb().user.create({ data: { email, name: who, passwordHash: await hashPassword(password), role } });
  created.push(u.id);
  return { id: u.id, email, name: who, role, cookie: await signInCookie(base(), email, password) };
}

async function patch(cookie: string, id: string, body: unknown) {
  const res = await fetch(`${base()}/api/users/${id}`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(requireWebApp);

afterAll(async () => {
  await getDb().user.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
  await getDb().user.deleteMany({ where: { id: { in: created } } });
});

describe("accounts", () => {
  it("an admin lists accounts without password hashes, and changes a role that applies on the next request", async () => {
    const admin = await makeUser("Alma", "ADMIN");
    const editor = await makeUser("Ed", "EDITOR");
    const list = await fetch(`${base()}/api/users`, { headers: { cookie: admin.cookie } });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("scrypt$");
    const users = (JSON.parse(text) as { users: { id: string }[] }).users;
    expect(users.find((u) => u.id === editor.id)).toEqual({
      id: editor.id,
      name: "Ed",
      email: editor.email,
      role: "EDITOR",
      active: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const snippet = { name: `users_${stamp.replace(/-/g, "_")}`, sql: "select 1" };
    const post = () => fetch(`${base()}/api/snippets`, { method: "POST", headers: { cookie: editor.cookie, "content-type": "application/json" }, body: JSON.stringify(snippet) });
    const changed = await patch(admin.cookie, editor.id, { role: "VIEWER" });
    expect(changed.status).toBe(200);
    expect(changed.json.user).toMatchObject({ id: editor.id, role: "VIEWER", active: true });
    // Same cookie, no new sign-in: the new role applies at once.
    expect((await post()).status).toBe(403);
    expect((await patch(admin.cookie, editor.id, { role: "EDITOR" })).status).toBe(200);
    expect((await post()).status).toBe(201);
    await getDb().snippet.deleteMany({ where: { name: snippet.name } });

    expect(await patch(admin.cookie, "no-such-user", { role: "VIEWER" })).toEqual({ status: 404, json: { error: { code: "NOT_FOUND", message: "User not found" } } });
    expect((await patch(admin.cookie, editor.id, {})).status).toBe(422);
    expect((await patch(admin.cookie, editor.id, { role: "OWNER" })).status).toBe(422);
  });

  it("the People page is for admins; everyone else sees a notice and no accounts", async () => {
    const admin = await makeUser("Pia", "ADMIN");
    const editor = await makeUser("Ned", "EDITOR");
    const page = async (cookie: string) => {
      const res = await fetch(`${base()}/admin/users`, { headers: { cookie }, redirect: "manual" });
      return { status: res.status, html: await res.text() };
    };
    const asAdmin = await page(admin.cookie);
    expect(asAdmin.status).toBe(200);
    for (const text of ["<h1>People</h1>", "Invite someone", "Pending invites", "Create invite", editor.email, `aria-label="Role of ${editor.email}"`, `aria-label="Deactivate ${editor.email}"`]) {
      expect(asAdmin.html).toContain(text);
    }
    expect(asAdmin.html).toContain('href="/admin/users"');

    const asEditor = await page(editor.cookie);
    expect(asEditor.html).toContain("Only administrators can manage people.");
    expect(asEditor.html).not.toContain(admin.email);
    expect(asEditor.html).not.toContain('href="/admin/users"');

    const signedOut = await fetch(`${base()}/admin/users`, { redirect: "manual" });
    expect(signedOut.status).toBe(307);
    expect(new URL(signedOut.headers.get("location")!, base()).pathname).toBe("/signin");
  });

  it("the last active admin can neither demote nor deactivate themselves", async () => {
    const alone = await makeUser("Solo", "ADMIN");
    const others = await getDb().user.findMany({ where: { role: "ADMIN", active: true, id: { not: alone.id } }, select: { id: true } });
    setAside = others.map((o) => o.id);
    await getDb().user.updateMany({ where: { id: { in: setAside } }, data: { active: false } });
    try {
      const message = "You are the last active admin. Make someone else an admin before you change your own role or deactivate yourself.";
      expect(await patch(alone.cookie, alone.id, { role: "EDITOR" })).toEqual({ status: 409, json: { error: { code: "CONFLICT", message } } });
      expect(await patch(alone.cookie, alone.id, { active: false })).toEqual({ status: 409, json: { error: { code: "CONFLICT", message } } });
      expect((await getDb().user.findUniqueOrThrow({ where: { id: alone.id } })).role).toBe("ADMIN");

      // With a second admin it is allowed; then that admin is the last one.
      const second = await makeUser("Duo", "ADMIN");
      expect((await patch(alone.cookie, alone.id, { role: "EDITOR" })).status).toBe(200);
      expect((await patch(alone.cookie, second.id, { role: "EDITOR" })).status).toBe(403);
      expect((await patch(second.cookie, second.id, { active: false })).status).toBe(409);

      // Two admins demoting each other at the same moment: one wins, one admin remains.
      expect((await patch(second.cookie, alone.id, { role: "ADMIN" })).status).toBe(200);
      const a = { ...alone, role: "ADMIN" as const };
      const results = await Promise.allSettled([updateUser(a, second.id, { role: "VIEWER" }), updateUser(second, alone.id, { role: "VIEWER" })]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect((await expectAppError(Promise.reject(rejected.reason))).code).toBe("CONFLICT");
      expect(await getDb().user.count({ where: { id: { in: [alone.id, second.id] }, role: "ADMIN", active: true } })).toBe(1);
    } finally {
      await getDb().user.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
      setAside = [];
    }
  });
});

// Invitations end to end: an admin invites (emailed through a real SMTP server when one is configured,
// otherwise a link to copy), the person opens the public link, makes their account with the invited role
// and signs in. Expired, revoked, used and unknown links are refused with a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { decodeHeader, leafParts, parseMime } from "@/lib/mail/parse-mime";
import { setTestEnv, signInCookie } from "@/lib/testing/fixtures";
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { requireWebApp } from "@/lib/testing/web-app";
import { createInvite } from "./create-invite";
import { hashInviteToken } from "./token";

const base = () => getRuntimeEnv().APP_URL;
const password = "a long test password";
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const email = (who: string) => `inv-${who}-${stamp}@example.com`;
let admin: SessionUser;
let adminCookie = "";
const userIds: string[] = [];

async function call(method: string, path: string, body?: unknown, cookie = "") {
  const res = await fetch(`${base()}${path}`, {
    method,
    redirect: "manual",
    headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    // an HTML page
  }
  return { status: res.status, text, json };
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

beforeAll(async () => {
  requireWebApp();
  const user = await getDb().user.create({
    data: { email: email("admin"), name: "Ada <Admin>", passwordHash: await hashPassword(password), role: "ADMIN" },
  });
  userIds.push(user.id);
  admin = { id: user.id, email: user.email, name: user.name, role: user.role };
  adminCookie = await signInCookie(base(), user.email, password);
});

afterAll(async () => {
  const db = getDb();
  await db.invite.deleteMany({ where: { email: { contains: stamp } } });
  await db.user.deleteMany({ where: { OR: [{ id: { in: userIds } }, { email: { contains: stamp } }] } });
});

describe("inviting with an SMTP server configured", () => {
  let smtp: TestSmtpServer;
  let received: ReceivedMail[] = [];
  let restore: () => void = () => {};

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    received = smtp.received;
    restore = setTestEnv({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    restore();
    await smtp.close();
  });

  it("emails the link, stores only its hash, and the link makes a viewer account once", async () => {
    const before = Date.now();
    const created = await createInvite(admin, { email: email("vera"), role: "VIEWER" });
    expect(created.delivery).toEqual({ sent: true, message: `Invitation emailed to ${email("vera")}.` });
    expect(created.url).toMatch(new RegExp(`^${base()}/invite/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(created.url);

    // The email: to the invitee, both parts carry the link, the inviter's name is escaped in the HTML.
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([email("vera")]);
    const message = parseMime(received[0].raw);
    expect(decodeHeader(message.headers.get("subject")!)).toBe("Ada <Admin> invited you to Spyglass");
    const parts = leafParts(message);
    const text = parts.find((p) => p.contentType === "text/plain")!.body.toString("utf8");
    const html = parts.find((p) => p.contentType === "text/html")!.body.toString("utf8");
    expect(text).toContain(`Accept the invitation and choose your password: ${created.url}`);
    expect(text).toContain("Ada <Admin> invited you to Spyglass as a viewer");
    expect(html).toContain(`href="${created.url}"`);
    expect(html).toContain("Ada &lt;Admin&gt; invited you");

    const row = await getDb().invite.findUniqueOrThrow({ where: { id: created.invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    // The public look-up and page, without any session.
    const lookup = await call("GET", `/api/invites/token/${token}`);
    expect(lookup.status).toBe(200);
    expect(lookup.json).toEqual({ email: email("vera"), role: "VIEWER", invitedBy: "Ada <Admin>", expiresAt: row.expiresAt.toISOString(), accountExists: false });
    const page = await call("GET", `/invite/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Join Spyglass");
    expect(page.text).toContain("Ada &lt;Admin&gt; invited you to Spyglass as a viewer");
    expect(page.text).toContain(email("vera"));

    const accepted = await call("POST", `/api/invites/token/${token}/accept`, { name: "Vera Viewer", password });
    expect(accepted.status).toBe(201);
    expect(accepted.json).toEqual({ email: email("vera") });
    const user = await getDb().user.findUniqueOrThrow({ where: { email: email("vera") } });
    expect(user).toMatchObject({ name: "Vera Viewer", role: "VIEWER", active: true });
    expect((await getDb().invite.findUniqueOrThrow({ where: { id: created.invite.id } })).acceptedAt).not.toBeNull();

    // They can sign in with the password they chose, and have a viewer's rights.
    const cookie = await signInCookie(base(), email("vera"), password);
    expect((await call("GET", "/api/dashboards", undefined, cookie)).status).toBe(200);
    expect((await call("POST", "/api/dashboards", { title: "nope" }, cookie)).status).toBe(403);

    // Single use.
    const again = await call("POST", `/api/invites/token/${token}/accept`, { name: "Mallory", password });
    expect(again.status).toBe(404);
    expect(again.json).toEqual({
      error: { code: "NOT_FOUND", message: "This invitation has already been used. Sign in with the account it created.", reason: "accepted" },
    });
    expect((await call("GET", `/api/invites/token/${token}`)).status).toBe(404);
    expect((await call("GET", `/invite/${token}`)).text).toContain("Invitation already used");
  });
});

describe("inviting without an SMTP server (the web app has none)", () => {
  it("returns the link to copy, says no email was sent, and lists the invitation without its token", async () => {
    const res = await call("POST", "/api/invites", { email: ` ${email("Eddie").toUpperCase()} `, role: "EDITOR" }, adminCookie);
    expect(res.status).toBe(201);
    const body = res.json as { invite: { id: string; email: string; role: string; invitedBy: string }; url: string; delivery: unknown };
    expect(body.invite).toMatchObject({ email: email("eddie"), role: "EDITOR", invitedBy: "Ada <Admin>" });
    expect(body.delivery).toEqual({
      sent: false,
      reason: "not-configured",
      message: "No email was sent: no SMTP server is configured. Copy the link and send it yourself.",
    });
    const token = tokenOf(body.url);
    const list = await call("GET", "/api/invites", undefined, adminCookie);
    expect(list.status).toBe(200);
    expect((list.json!.invites as { id: string }[]).map((i) => i.id)).toContain(body.invite.id);
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(hashInviteToken(token));

    // Accepted as an editor; the browser form then signs in with these credentials.
    expect((await call("POST", `/api/invites/token/${token}/accept`, { name: "Eddie", password }, "")).status).toBe(201);
    expect((await getDb().user.findUniqueOrThrow({ where: { email: email("eddie") } })).role).toBe("EDITOR");
    const cookie = await signInCookie(base(), email("eddie"), password);
    expect((await call("POST", "/api/snippets", { name: `inv_${stamp.replace(/-/g, "_")}`, sql: "select 1" }, cookie)).status).toBe(201);
    await getDb().snippet.deleteMany({ where: { name: `inv_${stamp.replace(/-/g, "_")}` } });
    // Accepted invitations leave the pending list.
    const after = await call("GET", "/api/invites", undefined, adminCookie);
    expect((after.json!.invites as { id: string }[]).map((i) => i.id)).not.toContain(body.invite.id);
  });

  it("refuses an email that already has an account", async () => {
    const res = await call("POST", "/api/invites", { email: admin.email.toUpperCase(), role: "VIEWER" }, adminCookie);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "CONFLICT", message: `${admin.email} already has an account.` } });
  });

  it("refuses to accept when an account with the email appeared after the invitation", async () => {
    const created = await createInvite(admin, { email: email("late"), role: "VIEWER" });
    const token = tokenOf(created.url);
    userIds.push((await getDb().user.create({ data: { email: email("late"), name: "Late", passwordHash: "x" } })).id);
    expect((await call("GET", `/invite/${token}`)).text).toContain("You already have an account");
    const res = await call("POST", `/api/invites/token/${token}/accept`, { name: "Late", password });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ error: { code: "CONFLICT", message: "An account with this email already exists. Sign in instead." } });
    // The refused attempt did not use the invitation up.
    expect((await getDb().invite.findUniqueOrThrow({ where: { id: created.invite.id } })).acceptedAt).toBeNull();
  });

  it("validates the name and password like the setup page", async () => {
    const { url } = await createInvite(admin, { email: email("short"), role: "VIEWER" });
    const res = await call("POST", `/api/invites/token/${tokenOf(url)}/accept`, { name: "Shorty", password: "short" });
    expect(res.status).toBe(422);
    expect((res.json!.error as { message: string }).message).toBe("password: Use at least 8 characters.");
  });
});

describe("unusable links", () => {
  it("a revoked link is refused at once, and says so", async () => {
    const created = await createInvite(admin, { email: email("rev"), role: "VIEWER" });
    const token = tokenOf(created.url);
    expect((await call("DELETE", `/api/invites/${created.invite.id}`, undefined, adminCookie)).status).toBe(204);
    expect((await call("DELETE", `/api/invites/${created.invite.id}`, undefined, adminCookie)).status).toBe(204);
    const res = await call("GET", `/api/invites/token/${token}`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "NOT_FOUND", message: "This invitation was withdrawn by an admin. Ask an admin for a new one.", reason: "revoked" } });
    expect((await call("POST", `/api/invites/token/${token}/accept`, { name: "Rev", password })).status).toBe(404);
    const page = await call("GET", `/invite/${token}`);
    expect(page.text).toContain("Invitation withdrawn");
    expect(page.text).not.toContain("Create account");
    expect(await getDb().user.count({ where: { email: email("rev") } })).toBe(0);
  });

  it("an expired link is refused, and says so", async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const { url } = await createInvite(admin, { email: email("old"), role: "VIEWER" }, eightDaysAgo);
    const res = await call("POST", `/api/invites/token/${tokenOf(url)}/accept`, { name: "Old", password });
    expect(res.status).toBe(404);
    expect((res.json!.error as { reason: string }).reason).toBe("expired");
    expect((await call("GET", `/invite/${tokenOf(url)}`)).text).toContain("Invitation expired");
  });

  it("an unknown or malformed token is a 404", async () => {
    for (const token of ["A".repeat(43), "not-a-token", "%00"]) {
      const res = await call("GET", `/api/invites/token/${token}`);
      expect(res.status).toBe(404);
      expect((res.json!.error as { reason: string }).reason).toBe("unknown");
    }
    expect((await call("GET", `/invite/${"A".repeat(43)}`)).text).toContain("Invitation not found");
  });

  it("a new link replaces the previous one, and inviting the same email again replaces its invitation", async () => {
    const first = await createInvite(admin, { email: email("twice"), role: "VIEWER" });
    const renewed = await call("POST", `/api/invites/${first.invite.id}/link`, undefined, adminCookie);
    expect(renewed.status).toBe(200);
    const newUrl = renewed.json!.url as string;
    expect(newUrl).not.toBe(first.url);
    expect((await call("GET", `/api/invites/token/${tokenOf(first.url)}`)).status).toBe(404);
    expect((await call("GET", `/api/invites/token/${tokenOf(newUrl)}`)).status).toBe(200);

    const second = await createInvite(admin, { email: email("twice"), role: "EDITOR" });
    expect((await call("GET", `/api/invites/token/${tokenOf(newUrl)}`)).json).toMatchObject({ error: { reason: "revoked" } });
    expect((await call("GET", `/api/invites/token/${tokenOf(second.url)}`)).json).toMatchObject({ role: "EDITOR" });
    // A revoked invitation gets no new link.
    expect((await call("POST", `/api/invites/${first.invite.id}/link`, undefined, adminCookie)).status).toBe(409);
  });

  it("two simultaneous acceptances make one account", async () => {
    const { url } = await createInvite(admin, { email: email("race"), role: "VIEWER" });
    const token = tokenOf(url);
    const results = await Promise.all([1, 2, 3].map((n) => call("POST", `/api/invites/token/${token}/accept`, { name: `Racer ${n}`, password })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 404, 404]);
    expect(await getDb().user.count({ where: { email: email("race") } })).toBe(1);
  });
});

// Anyone not signed in is sent to sign-in (pages) or gets 401 (API). Runs against the real web app.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import { requireWebApp } from "@/lib/testing/web-app";

describe("access without a session", () => {
  beforeAll(requireWebApp);
  const base = () => getRuntimeEnv().APP_URL;

  it.each(["/api/dashboards", "/api/data-sources", "/api/queries/run", "/api/charts"])("API %s answers 401", async (route) => {
    const method = route === "/api/dashboards" || route === "/api/data-sources" ? "GET" : "POST";
    const res = await fetch(`${base()}${route}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({}) : undefined,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue." } });
  });

  it("pages redirect to setup while there is no account, and to sign-in once there is", async () => {
    const expected = (await getDb().user.count()) === 0 ? "/setup" : "/signin";
    const res = await fetch(`${base()}/dashboards`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!, base()).pathname).toBe(expected);
  });

  it("the render page refuses a missing or forged token", async () => {
    const res = await fetch(`${base()}/render/dashboards/whatever?token=forged.token`);
    expect(res.status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { readError } from "./format";

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("readError", () => {
  it("shows a validation error's own messages, each once, without zod's field paths", async () => {
    const res = answer(422, {
      error: {
        code: "INVALID",
        message: "recipients.0: “bob@example” is not an email address; timezone: Unknown time zone; cron: Unknown time zone",
        issues: [
          { path: ["recipients", 0], message: "“bob@example” is not an email address" },
          { path: ["timezone"], message: "Unknown time zone" },
          { path: ["cron"], message: "Unknown time zone" },
        ],
      },
    });
    expect(await readError(res)).toBe("“bob@example” is not an email address; Unknown time zone");
  });

  it("shows other errors' message, and the status when the body says nothing", async () => {
    expect(await readError(answer(409, { error: { code: "CONFLICT", message: "The mail server refused a@example.com" } }))).toBe("The mail server refused a@example.com");
    expect(await readError(new Response("<html>", { status: 502 }))).toBe("Request failed (HTTP 502)");
  });
});

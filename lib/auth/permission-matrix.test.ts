// Every route handler under app/api is in the permission matrix, and the matrix lists nothing that is gone.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_MATRIX, exportedMethods } from "./permission-matrix";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
  });
}

function handlersOnDisk(): string[] {
  const app = path.resolve(__dirname, "../../app");
  return routeFiles(path.join(app, "api")).flatMap((file) => {
    // Route groups "(name)" are not part of the URL.
    const route = "/" + path.relative(app, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
    return exportedMethods(readFileSync(file, "utf8")).map((m) => `${m} ${route}`);
  });
}

describe("permission matrix", () => {
  it("lists every route handler under app/api, and only those", () => {
    const onDisk = handlersOnDisk().sort();
    const listed = Object.keys(API_MATRIX).sort();
    // Add a missing handler to lib/auth/permission-matrix.ts and a request for it in permission-matrix.int.test.ts.
    expect({ missingFromMatrix: onDisk.filter((k) => !listed.includes(k)), noLongerOnDisk: listed.filter((k) => !onDisk.includes(k)) }).toEqual({
      missingFromMatrix: [],
      noLongerOnDisk: [],
    });
  });

  it("reads the methods a route file exports", () => {
    expect(exportedMethods("export async function GET() {}\nexport async function PATCH(req: Request) {}")).toEqual(["GET", "PATCH"]);
    expect(exportedMethods("export const DELETE = handler;\nexport function POST() {}")).toEqual(["POST", "DELETE"]);
    expect(exportedMethods("function handler() {}\nexport { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { PUT } from './x';\nexport const dynamic = 'force-dynamic';\nasync function GET() {}")).toEqual(["PUT"]);
  });
});

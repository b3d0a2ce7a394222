// Builds the web app when the sources changed since the last build, so `npm start` is one command and
// a second start skips the build.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const inputs = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const skip = new Set(["node_modules", ".next", ".data", "generated"]);
const stampFile = path.resolve(".next", "spyglass-source-hash");

function hashSources(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (skip.has(name) || /\.test\.tsx?$/.test(name)) continue;
        visit(path.join(p, name));
      }
    } else {
      hash.update(p).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  inputs.forEach(visit);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.resolve(".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hashSources();
}

export async function buildWebAppIfNeeded(log: (line: string) => void): Promise<void> {
  if (buildIsCurrent()) return;
  log("Building the web app (first start, or the sources changed); this takes a minute or two...");
  const started = Date.now();
  const hash = hashSources();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.resolve("node_modules", ".bin", "next"), ["build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${out.slice(-6000)}`))));
  });
  writeFileSync(stampFile, hash);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

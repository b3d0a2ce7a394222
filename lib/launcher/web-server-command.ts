// How to start the web process (lib/launcher/web-server.ts): one definition for the launcher, the
// integration tests' global setup and the benchmarks, so they all measure and test what `npm start` runs.
import path from "node:path";

/** `spawn(command, args)` for the web server on `port`; node runs it directly, so the child's pid is the server's. */
export function webServerCommand(port: number, hostname?: string, nodeArgs: string[] = []): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [...nodeArgs, "--import", "tsx", path.resolve("lib", "launcher", "web-server.ts"), "-p", String(port), ...(hostname ? ["-H", hostname] : [])],
  };
}

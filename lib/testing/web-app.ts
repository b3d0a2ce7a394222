// Whether the integration-test setup started the built web app (it does when a build exists).
export function webAppAvailable(): boolean {
  return process.env.SPYGLASS_TEST_NO_WEB !== "1";
}

/** For tests that load real pages: fail loudly (never skip) when there is no build to serve. */
export function requireWebApp(): void {
  if (!webAppAvailable()) throw new Error("This test needs the built web app: run `npm run build` before the integration tests.");
}

// Absolute addresses of Spyglass's own pages and routes, for what leaves the browser's context (emails,
// Slack posts, Open Graph tags, the renderer): APP_URL as configured, with or without a trailing slash.

/** `appUrl` joined with `path` (which starts with "/"), never with a doubled slash. */
export function appUrlFor(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

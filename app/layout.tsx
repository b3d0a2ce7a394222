import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spyglass", template: "%s · Spyglass" },
  description: "SQL to charts to dashboards, refreshed hourly and emailed every morning.",
  // Without it browsers ask for /favicon.ico, a 404 (and a console error) on every page.
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

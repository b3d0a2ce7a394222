// A real SMTP server (the smtp-server package) on a free local port, for tests that send mail: it keeps
// every message it accepts with its envelope, and lets a test refuse or hold recipients at RCPT TO.
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { freePort } from "./free-port";

export interface ReceivedMail {
  /** MAIL FROM ("" for a null sender). */
  from: string;
  /** RCPT TO, in the order given. */
  to: string[];
  /** The message as sent: headers and body. */
  raw: string;
}

/**
 * What to do with one RCPT TO: "accept", "refuse" (550 user unknown, as a real server says it), or "hold"
 * (never answer: the client is stuck mid-send until it is killed or the server closes).
 */
export type RecipientVerdict = "accept" | "refuse" | "hold";

export interface TestSmtpServer {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message accepted so far; tests may empty it between cases (received.length = 0). */
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startTestSmtpServer(
  opts: {
    onRecipient?: (address: string) => RecipientVerdict;
    /** Called for each accepted message, after it is added to `received`. */
    onMessage?: (mail: ReceivedMail) => void;
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const verdict = opts.onRecipient?.(address.address) ?? "accept";
      if (verdict === "hold") return;
      if (verdict === "refuse") {
        const err = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        received.push(mail);
        opts.onMessage?.(mail);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

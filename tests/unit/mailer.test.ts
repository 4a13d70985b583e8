import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationMessage, smtpMailer, smtpSettingsFrom } from "@/lib/mail/mailer";

/** A local SMTP sink: it keeps every message it is sent. */
let sink: SMTPServer;
let port = 0;
const received: { from: string; to: string[]; data: string; user?: string }[] = [];

beforeAll(async () => {
  sink = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "rollcall" && auth.password === "sink-password") {
        callback(null, { user: auth.username });
      } else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  port = (sink.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe("sending invitations by SMTP", () => {
  it("is off unless SMTP_HOST is set, and says what is missing", () => {
    expect(smtpSettingsFrom({})).toBeNull();
    expect(smtpSettingsFrom({ SMTP_HOST: "" })).toBeNull();
    expect(() => smtpSettingsFrom({ SMTP_HOST: "mail.example.org" })).toThrow(/SMTP_FROM/);
    expect(() =>
      smtpSettingsFrom({ SMTP_HOST: "mail.example.org", SMTP_FROM: "a@b.org", SMTP_PORT: "x" }),
    ).toThrow(/SMTP_PORT/);
    expect(
      smtpSettingsFrom({ SMTP_HOST: "mail.example.org", SMTP_FROM: "Rollcall <a@b.org>" }),
    ).toEqual({
      host: "mail.example.org",
      port: 587,
      secure: false,
      user: undefined,
      password: undefined,
      from: "Rollcall <a@b.org>",
    });
  });

  it("delivers the invitation with its link to a local SMTP server, signed in with the settings' account", async () => {
    const settings = smtpSettingsFrom({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_USER: "rollcall",
      SMTP_PASSWORD: "sink-password",
      SMTP_FROM: "Rollcall <rollcall@example.org>",
    })!;
    const link = "https://rollcall.example.org/sign-in/invitation/abc_DEF-123";
    await smtpMailer(settings).send(
      invitationMessage({
        to: "new.editor@example.org",
        link,
        role: "editor",
        invitedBy: "A. Dmin",
        expiresAt: new Date("2026-12-13T12:00:00Z"),
      }),
    );
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe("rollcall@example.org");
    expect(mail!.to).toEqual(["new.editor@example.org"]);
    expect(mail!.user).toBe("rollcall");
    expect(mail!.data).toContain("Subject: Your invitation to Rollcall");
    expect(mail!.data).toContain(link);
    expect(mail!.data).toContain("A. Dmin invites you to Rollcall as editor.");
  });

  it("fails loudly on a wrong SMTP password (the admin still has the link)", async () => {
    const settings = smtpSettingsFrom({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_USER: "rollcall",
      SMTP_PASSWORD: "wrong",
      SMTP_FROM: "rollcall@example.org",
    })!;
    await expect(
      smtpMailer(settings).send({ to: "x@example.org", subject: "s", text: "t" }),
    ).rejects.toThrow(/Invalid username or password|auth/i);
  });
});

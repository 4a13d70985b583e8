import nodemailer from "nodemailer";

/**
 * Sending mail, behind one interface: off unless SMTP_HOST is set (this site's own machine
 * sends none; the admin passes the invitation link on), else SMTP through nodemailer.
 */
export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void> };

export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
};

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
  });
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, ...message });
    },
  };
}

/** The SMTP settings from the environment, or null when sending is off (SMTP_HOST unset). */
export function smtpSettingsFrom(env: Record<string, string | undefined>): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT || 587);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`SMTP_PORT must be a port number (1-65535), not ${env.SMTP_PORT}.`);
  }
  const from = env.SMTP_FROM?.trim();
  if (!from)
    throw new Error("SMTP_FROM must be set with SMTP_HOST (e.g. Rollcall <rollcall@example.org>).");
  return {
    host,
    port,
    secure: env.SMTP_SECURE === "true" || env.SMTP_SECURE === "1",
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
    from,
  };
}

export function invitationMessage(input: {
  to: string;
  link: string;
  role: string;
  invitedBy: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: input.to,
    subject: "Your invitation to Rollcall",
    text:
      `${input.invitedBy} invites you to Rollcall as ${input.role}.\n\n` +
      `Open this link to choose your name and password (it works once, until ${input.expiresAt.toUTCString()}):\n\n` +
      `${input.link}\n`,
  };
}

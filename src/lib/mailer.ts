import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  icalEvent?: { method: string; content: string } | undefined;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** SMTP delivery through nodemailer; without SMTP_URL, Kruispunt keeps mail in its outbox only. */
export function mailerCreate(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

import QRCode from "qrcode";

/**
 * What the set-up page shows for an authenticator app: the otpauth:// URI as a QR code (its
 * modules, drawn by React as an SVG path, so no markup is built by hand), the secret for
 * typing in, and the backup codes.
 */
export type TotpSetup = {
  uri: string;
  /** The base32 secret as the URI carries it, in groups of four for reading. */
  secret: string;
  qr: { size: number; path: string };
  backupCodes: string[];
};

/** An SVG path of one unit square per dark module. */
export function qrPath(uri: string): { size: number; path: string } {
  const { modules } = QRCode.create(uri, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}

export async function totpSetup(uri: string, backupCodes: string[]): Promise<TotpSetup> {
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  return {
    uri,
    secret: secret.replace(/(.{4})(?=.)/g, "$1 "),
    qr: qrPath(uri),
    backupCodes,
  };
}

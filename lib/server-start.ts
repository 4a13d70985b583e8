/**
 * What a server does once before it answers (instrumentation.ts), in Node.js only. A setting
 * it cannot use stops the process with its reason: a server that stayed up would fail every
 * request, and a supervisor or a deploy script waiting for it would never hear why.
 */
export async function startServer() {
  try {
    const { startPageCache } = await import("./cache/start-page-cache");
    await startPageCache();
  } catch (error) {
    console.error(`Rollcall cannot start: ${reasons(error)}`);
    process.exit(1);
  }
}

/** A settings error's messages, one per line; anything else as it prints. */
function reasons(error: unknown): string {
  const issues = (error as { issues?: { message?: unknown }[] } | null)?.issues;
  if (Array.isArray(issues) && issues.length) {
    return issues.map((issue) => String(issue.message)).join("\n");
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

import "server-only";
import { db } from "@/lib/db";

export async function checkDatabase(): Promise<void> {
  await db.event.findFirst({ select: { id: true } });
}

import { z } from "zod";
import { readJson } from "@/server/http/responses";
import { guardSignedIn } from "@/server/notifications/guard";
import { markRead, notificationState } from "@/server/notifications/store";

const body = z.union([z.object({ ids: z.array(z.number().int().positive()).max(500) }), z.object({ all: z.literal(true) })]);

/// Marks the signed-in person's notifications as read: `{"ids": […]}` or `{"all": true}`.
/// Ids of someone else's notifications change nothing.
export async function POST(request: Request) {
  const g = await guardSignedIn(request);
  if (g instanceof Response) return g;
  const input = await readJson(request, body, g.t);
  if (input instanceof Response) return input;
  const changed = await markRead(g.db.kysely, g.user.id, "all" in input.data ? "all" : input.data.ids);
  return Response.json({ changed, unread: (await notificationState(g.db.kysely, g.user.id)).unread });
}

import { guardSignedIn } from "@/server/notifications/guard";
import { listNotifications, notificationState } from "@/server/notifications/store";

/// The signed-in person's notifications, newest first (`?before=<id>&limit=<n>` pages back),
/// with the number not yet read.
export async function GET(request: Request) {
  const g = await guardSignedIn(request);
  if (g instanceof Response) return g;
  const params = new URL(request.url).searchParams;
  const before = Number(params.get("before"));
  const limit = Number(params.get("limit"));
  const [notifications, state] = await Promise.all([
    listNotifications(g.db.kysely, g.user.id, {
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
      limit: Number.isSafeInteger(limit) && limit > 0 ? limit : undefined,
    }),
    notificationState(g.db.kysely, g.user.id),
  ]);
  return Response.json({ notifications, unread: state.unread });
}

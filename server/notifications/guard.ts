/// The guard of the notification routes: any signed-in person, whatever their role, reads and
/// clears their own notifications and nobody else's.
import "server-only";
import type { User } from "../auth/users";
import { guard, type Guarded } from "../auth/request";
import { errorResponse } from "../http/responses";

export async function guardSignedIn(request: Request): Promise<(Guarded & { user: User }) | Response> {
  const g = await guard(request, "read");
  if (g instanceof Response) return g;
  if (!g.user) return errorResponse(401, "signInRequired", g.t("errors.signInRequired"));
  return g as Guarded & { user: User };
}

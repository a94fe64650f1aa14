import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { guardUser } from "@/server/auth/request";
import { readJson } from "@/server/http/responses";
import { announceAccessChange } from "@/server/events/access";
import { readSettings, writeSettings } from "@/server/settings";

const weight = z.number().min(0).max(1000);
const body = z
  .object({ publicReading: z.boolean(), mqmWeights: z.object({ minor: weight, major: weight, critical: weight }).strict() })
  .partial()
  .strict();

export async function GET(request: Request) {
  const g = await guardUser(request, "changeSettings");
  if (g instanceof Response) return g;
  return Response.json({ settings: await readSettings(g.db.kysely) });
}

/// Changes settings: `{publicReading?: boolean, mqmWeights?: {minor, major, critical}}`.
export async function PUT(request: Request) {
  const g = await guardUser(request, "changeSettings");
  if (g instanceof Response) return g;
  const input = await readJson(request, body, g.t);
  if (input instanceof Response) return input;
  await g.db.kysely.transaction().execute(async (trx) => {
    await writeSettings(trx, input.data);
    await recordAudit(trx, { actor: g.user, action: "settings.change", detail: input.data, address: g.address });
  });
  if (input.data.publicReading !== undefined) await announceAccessChange();
  return Response.json({ settings: await readSettings(g.db.kysely) });
}

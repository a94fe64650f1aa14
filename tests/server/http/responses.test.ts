import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readForm, readJson } from "../../../server/http/responses";

const t = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`;
const post = (body: string | FormData, type = "application/json") =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: typeof body === "string" ? { "content-type": type } : {} });
const schema = z.object({ name: z.string(), note: z.string().optional() });

async function answer(r: Response) {
  return { status: r.status, ...(await r.json()).error };
}

describe("readJson: every JSON body", () => {
  it("refuses a NUL (raw or escaped) in any string with 400 naming the character and the field", async () => {
    const r = await readJson(post('{"name":"ad\\u0000min","password":"x"}'), schema, t);
    expect(r).toBeInstanceOf(Response);
    expect(await answer(r as Response)).toMatchObject({
      status: 400,
      code: "controlCharacter",
      params: { field: "name", character: "U+0000", column: 3 },
    });
    const raw = await readJson(post('{"name":"ok","note":"a\u0001b"}'), schema, t);
    expect(await answer(raw as Response)).toMatchObject({ status: 400, code: "controlCharacter", params: { field: "body", character: "U+0001", line: 1, column: 23 } });
  });
  it("refuses escape sequences and C1 controls, keeps tabs and line breaks", async () => {
    expect(await answer((await readJson(post('{"name":"\\u001b[2J"}'), schema, t)) as Response)).toMatchObject({ params: { character: "U+001B" } });
    expect(await answer((await readJson(post('{"name":"x\\u009b"}'), schema, t)) as Response)).toMatchObject({ params: { character: "U+009B" } });
    expect(await readJson(post('{"name":"a\\tb","note":"one\\ntwo\\r\\nthree"}'), schema, t)).toEqual({ data: { name: "a\tb", note: "one\ntwo\r\nthree" } });
  });
  it("refuses JSON nested deeper than the limit with 400 tooDeep, 200,000 levels included", async () => {
    const deep = `{"name":"x","note":${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
    expect(await answer((await readJson(post(deep), schema, t, 1024 * 1024)) as Response)).toMatchObject({ status: 400, code: "tooDeep", params: { limit: 64 } });
  });
});

describe("readForm: every form", () => {
  it("refuses a control character in a field, in a field name or in a file name", async () => {
    const field = new FormData();
    field.set("slug", "a\u0000b");
    expect(await answer((await readForm(post(field), 1 << 20, 1, t)) as Response)).toMatchObject({ status: 400, code: "controlCharacter", params: { field: "slug", character: "U+0000" } });
    const file = new FormData();
    file.set("file", new File(["x"], "terms\u0007.csv"));
    expect(await answer((await readForm(post(file), 1 << 20, 1, t)) as Response)).toMatchObject({ status: 400, code: "controlCharacter", params: { character: "U+0007" } });
    const fine = new FormData();
    fine.set("slug", "essai");
    expect(await readForm(post(fine), 1 << 20, 1, t)).toHaveProperty("form");
  });
});

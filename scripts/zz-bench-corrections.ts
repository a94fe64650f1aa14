const m = await import("../bench/corrections.bench.ts");
const results = await m.run();
for (const r of results) console.log(r.name, r.value, r.unit, r.note ?? "");

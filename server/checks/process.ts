/// Running an external checker: find it on the PATH, feed it, collect what it prints.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/// The full path of `command` on the PATH (or `command` itself when it holds a slash and is
/// executable), or undefined when it is not installed.
export function findExecutable(command: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = command.includes("/") ? [command] : (env.PATH ?? "").split(path.delimiter).filter(Boolean).map((d) => path.join(d, command));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/// Runs `file` with `args`, writes `input` to its standard input, and resolves with its standard
/// output once it exits with status 0 (rejects otherwise, or after `timeoutMs`).
export function runProcess(file: string, args: string[], input: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C.UTF-8" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${path.basename(file)} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new Error(`${path.basename(file)} exited with status ${code}: ${Buffer.concat(err).toString("utf8").trim().split("\n")[0] ?? ""}`));
    });
    child.stdin.on("error", () => {
      // The process may exit before reading everything; its exit status tells.
    });
    child.stdin.end(input);
  });
}

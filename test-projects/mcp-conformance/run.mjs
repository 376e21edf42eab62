// Runs the MCP conformance tests' server scenarios against `dbtls mcp --port 0` on a test project.
// Usage: node run.mjs JAR PROJECT_DIR [STORE_FILE]. Prints each scenario's checks and
// "N passed, M failed"; exits 1 when a scenario fails.
//
// The scenarios chosen are those that test a server's protocol behaviour (lifecycle, listing,
// logging, DNS-rebinding protection); the others call fixture tools, resources and prompts of the
// conformance suite's own reference server (test_simple_text, ...) that a real server does not have.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const SCENARIOS = [
  "server-initialize",
  "ping",
  "tools-list",
  "resources-list",
  "prompts-list",
  "logging-set-level",
  "dns-rebinding-protection",
];

const [jar, project, store] = process.argv.slice(2);
if (!jar || !project) {
  console.error("usage: node run.mjs JAR PROJECT_DIR [STORE_FILE]");
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const bin = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@modelcontextprotocol/conformance/package.json")),
  "dist",
  "index.js",
);

const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
const args = [];
if (store) args.push(`-Ddbtls.store=${store}`);
args.push("-jar", jar, "mcp", "--project-dir", project, "--profiles-dir", project, "--port", "0");
const server = spawn(java, args, { stdio: ["ignore", "inherit", "pipe"] });
let stop = () => server.kill();
process.on("exit", () => stop());

const url = await new Promise((resolve, reject) => {
  let seen = "";
  const timer = setTimeout(() => reject(new Error(`dbtls mcp did not start:\n${seen}`)), 120_000);
  server.stderr.on("data", (chunk) => {
    seen += chunk;
    process.stderr.write(chunk);
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(seen);
    if (m) {
      clearTimeout(timer);
      resolve(m[1].replace("127.0.0.1", "localhost"));
    }
  });
  server.on("exit", (code) => reject(new Error(`dbtls mcp exited (${code}):\n${seen}`)));
});

mkdirSync(path.join(here, "target"), { recursive: true });
let passed = 0;
let failed = 0;
for (const scenario of SCENARIOS) {
  const r = spawnSync(
    process.execPath,
    ["--import", path.join(here, "node20.mjs"), bin, "server", "--url", url, "--scenario", scenario],
    { cwd: path.join(here, "target"), encoding: "utf8", timeout: 120_000 },
  );
  const out = `${r.stdout}${r.stderr}`;
  const ok = r.status === 0 && /Passed: (\d+)\/\1, 0 failed/.test(out);
  console.log(`${ok ? "PASS" : "FAIL"} ${scenario}`);
  if (!ok) console.log(out);
  ok ? passed++ : failed++;
}
console.log(`conformance: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

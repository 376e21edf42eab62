// Checks the packages scripts/package-platforms.mjs made, as a user would get them: each .vsix
// carries its own platform's native libraries and no other's, the licence and the third-party
// notices (in the .vsix and in the jar), no test or source files, the runtime only where one was
// linked; every bundled npm package and every artifact in the server jar has a notices entry
// whose licence is on the allow-list below. Prints the sizes; exits 1 with every failure listed.
import { crc32 } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPackages } from './notices.mjs';
import { PLATFORMS, isNative } from './platforms.mjs';
import { readEntry, readZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The licences dbtls may ship, each with why (SPDX identifiers, as the poms' names are merged
 * into by server/pom.xml's licenseMerges). Anything else fails the check until someone decides.
 */
export const ALLOWED = {
  'Apache-2.0':
    'permissive, the licence of dbtls itself; NOTICE files are kept (merged into the jar, copied into the notices)',
  MIT: 'permissive: the copyright and licence text are kept in the notices',
  'MIT-0': 'permissive, without even the notice condition',
  ISC: 'permissive, MIT-like',
  '0BSD': 'permissive, without the notice condition',
  'BSD-2-Clause': 'permissive: the notice is kept',
  'BSD-3-Clause': 'permissive: the notice is kept, no endorsement is claimed',
  'BSD-3-Clause-Go': "the Go licence (RE2/J), the BSD-3-Clause text under Go's name",
  'EPL-2.0': 'weak copyleft per file (LSP4J): shipped unmodified, its source is public',
  'MPL-1.1':
    'weak copyleft per file: shipped unmodified (Javassist, which may be taken under Apache-2.0 too)',
  'MPL-2.0': 'weak copyleft per file: shipped unmodified, its source is public',
  'LGPL-2.1-or-later':
    'weak copyleft (MariaDB Connector/J): shipped unmodified as its own classes, which a user can replace in the jar; its source is public',
  LGPL: 'an LGPL whose pom names no version (FindBugs and Derive4J annotations): as LGPL-2.1-or-later',
  'Public-Domain': 'no conditions (JSON-java)',
};

/** Whether an SPDX-like expression (A OR B, A AND B) leaves a way to ship under allowed licences. */
export function allowed(expression) {
  if (!expression) return false;
  return expression
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/)
    .some((alt) => alt.split(/\s+AND\s+/).every((l) => Object.hasOwn(ALLOWED, l.trim())));
}

/** The entries of a notices file: "name@version" (npm) and "group:artifact:version" (Maven) blocks. */
export function noticeEntries(text) {
  const entries = new Map();
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^(\S+)$/.exec(lines[i]);
    const next = /^ {2}name: /.test(lines[i + 1]) ? lines[i + 2] : lines[i + 1];
    const l = /^ {2}licence: (.*)$/.exec(next ?? '');
    if (m && l) entries.set(m[1], l[1].trim());
  }
  return entries;
}

/** Every Maven artifact inside the jar: shaded ones by their pom.properties, nested jars by name. */
function jarArtifacts(jar) {
  const shaded = [];
  const nested = [];
  for (const e of jar.entries) {
    if (/^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(e.name)) {
      const props = Object.fromEntries(
        readEntry(e)
          .toString('utf8')
          .split('\n')
          .map((l) => /^(\w+)=(.*)$/.exec(l.trim()))
          .filter(Boolean)
          .map((m) => [m[1], m[2]]),
      );
      shaded.push(`${props.groupId}:${props.artifactId}:${props.version}`);
    }
    const n = /^dbtls-drivers\/[^/]+\/([^/]+)\.jar$/.exec(e.name);
    if (n) nested.push(n[1]);
  }
  return { shaded, nested };
}

function check() {
  const failures = [];
  const fail = (m) => failures.push(m);
  const summaryFile = path.join(root, 'packages', 'summary.json');
  if (!existsSync(summaryFile)) return [`${summaryFile} is missing: run npm run package`];
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const targets = ['universal', ...Object.keys(PLATFORMS)];
  const rows = [];
  let notices;
  for (const target of targets) {
    const s = summary[target];
    if (!s) {
      fail(`${target}: no package`);
      continue;
    }
    const file = path.join(root, s.file);
    const vsix = readZip(file);
    try {
      const names = new Set(vsix.entries.map((e) => e.name));
      const entry = (n) => vsix.entries.find((e) => e.name === n);
      for (const need of [
        'extension/package.json',
        'extension/dist/extension.js',
        'extension/server/dbtls.jar',
        'extension/LICENSE.txt',
        'extension/NOTICE.txt',
        'extension/THIRD-PARTY-NOTICES.txt',
        'extension/readme.md',
        'extension/changelog.md',
        'extension/media/icon.png',
      ])
        if (!names.has(need)) fail(`${target}: ${need} is missing`);
      for (const n of names)
        if (
          /^extension\/(test|out-test|test-output|src|webviews|node_modules|scripts|out-meta|packages)\//.test(
            n,
          ) ||
          /\/(tests?|__tests__)\//.test(n) ||
          /\.(ts|tsx|map|vsix|mjs)$/.test(n) ||
          /^extension\/(tsconfig\.json|esbuild\.mjs|pom\.xml|\.\w+)$/.test(n)
        )
          fail(`${target}: ${n} should not ship`);
      if (!entry('extension.vsixmanifest')) {
        fail(`${target}: not a .vsix (no extension.vsixmanifest)`);
        continue;
      }
      const manifest = readEntry(entry('extension.vsixmanifest')).toString('utf8');
      const platform = /TargetPlatform="([^"]+)"/.exec(manifest)?.[1];
      if ((platform ?? 'universal') !== target)
        fail(`${target}: the manifest's TargetPlatform is ${platform ?? 'absent'}`);
      const hasRuntime = names.has('extension/jre/bin/java') && names.has('extension/jre/release');
      if (hasRuntime !== Boolean(s.runtime))
        fail(`${target}: a Java runtime is ${hasRuntime ? '' : 'not '}in the package`);
      if (hasRuntime && ((entry('extension/jre/bin/java').externalAttributes >>> 16) & 0o111) === 0)
        fail(`${target}: extension/jre/bin/java is not executable`);
      if (!hasRuntime && [...names].some((n) => n.startsWith('extension/jre/')))
        fail(`${target}: a part of a runtime is in the package`);
      if (target === 'universal')
        notices = names.has('extension/THIRD-PARTY-NOTICES.txt')
          ? readEntry(entry('extension/THIRD-PARTY-NOTICES.txt')).toString('utf8')
          : '';

      // the jar: stored in a platform package (read in place); the universal one is vsce's, deflated,
      // so the jar on disk is read and must be the same bytes
      const jarEntry = entry('extension/server/dbtls.jar');
      let jar;
      if (jarEntry.method === 0) jar = readZip(`${file}!server/dbtls.jar`, jarEntry);
      else {
        const disk = path.join(root, 'server', 'dbtls.jar');
        if (crc32(readFileSync(disk)) !== jarEntry.crc) fail(`${target}: its jar is not server/dbtls.jar`);
        jar = readZip(disk);
      }
      try {
        const jarNames = new Set(jar.entries.map((e) => e.name));
        for (const need of ['META-INF/THIRD-PARTY-NOTICES.txt', 'META-INF/LICENSE', 'META-INF/NOTICE'])
          if (!jarNames.has(need)) fail(`${target}: the jar has no ${need}`);
        const natives = [...jarNames].filter(isNative);
        const duckdb = natives.filter((n) => n.startsWith('libduckdb')).sort();
        const sqlite = [
          ...new Set(
            natives.filter((n) => n.startsWith('org/sqlite/')).map((n) => n.split('/').slice(3, 5).join('/')),
          ),
        ].sort();
        const want = target === 'universal' ? undefined : PLATFORMS[target];
        if (want) {
          if (duckdb.join() !== want.duckdb)
            fail(`${target}: DuckDB's natives are ${duckdb.join(', ') || 'none'}, not ${want.duckdb}`);
          if (sqlite.join() !== want.sqlite)
            fail(`${target}: SQLite's natives are ${sqlite.join(', ') || 'none'}, not ${want.sqlite}`);
        } else {
          for (const p of Object.values(PLATFORMS)) {
            if (!duckdb.includes(p.duckdb)) fail(`universal: DuckDB's ${p.duckdb} is missing`);
            if (!sqlite.includes(p.sqlite)) fail(`universal: SQLite's ${p.sqlite} is missing`);
          }
        }
        if (target === 'universal') {
          const { shaded, nested } = jarArtifacts(jar);
          const entries = noticeEntries(notices);
          const maven = [...entries.keys()].filter((k) => k.split(':').length === 3);
          // a pom.properties may come from a copy one dependency carries of another (FindBugs'
          // annotations carry jsr305 3.0.1's): the artifact listed in any version covers it
          const listed = new Set(maven.map((k) => k.split(':').slice(0, 2).join(':')));
          for (const a of shaded)
            if (!a.startsWith('dev.dbtls:') && !listed.has(a.split(':').slice(0, 2).join(':')))
              fail(`the jar bundles ${a}, which the notices do not list`);
          for (const n of nested)
            if (
              !maven.some(
                (k) =>
                  n === `${k.split(':')[1]}-${k.split(':')[2]}` ||
                  n.startsWith(`${k.split(':')[1]}-${k.split(':')[2]}-`),
              )
            )
              fail(`the jar bundles dbtls-drivers/.../${n}.jar, which the notices do not list`);
          for (const p of bundledPackages(root))
            if (!entries.has(`${p.name}@${p.version}`))
              fail(`dist/ bundles ${p.name}@${p.version}, which the notices do not list`);
          for (const [k, licence] of entries)
            if (!allowed(licence))
              fail(`${k} is under ${licence}, which is not on the allow-list (scripts/check-packages.mjs)`);
          rows.push(
            `licences: ${entries.size} notices entries (${shaded.length} shaded artifacts, ${nested.length} nested jars, the npm packages), all allowed`,
          );
        }
        rows.push(
          `${target.padEnd(13)} ${(s.bytes / 1048576).toFixed(1).padStart(6)} MB  duckdb: ${duckdb.join(', ')}; sqlite: ${sqlite.length} native folder(s)${hasRuntime ? '; Java runtime' : ''}`,
        );
      } finally {
        jar.close();
      }
    } finally {
      vsix.close();
    }
  }
  const universal = summary.universal?.bytes ?? 0;
  for (const t of Object.keys(PLATFORMS))
    if (summary[t] && !summary[t].runtime && summary[t].bytes >= universal)
      fail(`${t} is not smaller than the universal package`);
  console.log(rows.join('\n'));
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failures = check();
  if (failures.length) {
    console.error(`check-packages: ${failures.length} failures:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('check-packages: every package has its own natives, the licence and notices, no test files');
}

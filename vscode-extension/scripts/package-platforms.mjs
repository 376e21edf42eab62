// One .vsix per platform, from the universal dbtls.vsix that `vsce package` made: each carries the
// server jar with only its platform's native libraries (scripts/platforms.mjs), the manifest's
// TargetPlatform (as `vsce package --target` writes it) and, for the platform of this machine, a
// Java runtime linked by jlink from the JDK that builds the package, of only the modules the
// server needs (jdeps). The universal package is read once and repacked: kept entries are copied
// as they are compressed, so no platform costs a second compression of the 300 MB jar.
//
// Output: packages/dbtls-<target>.vsix and packages/summary.json (sizes, which carries a runtime).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORMS, hostTarget, keepsEntry } from './platforms.mjs';
import { newEntry, readEntry, readZip, writeZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const universal = path.join(root, 'dbtls.vsix');
const jarPath = path.join(root, 'server', 'dbtls.jar');
const out = path.join(root, 'packages');

/**
 * Modules the server loads that jdeps cannot see in the jar: what the drivers nested in
 * dbtls-drivers/ need (they are loaded by their own class loaders; jdeps of each driver's own jar
 * names java.net.http, java.rmi, java.scripting, java.security.sasl, jdk.httpserver and
 * jdk.security.auth), the EC and PKCS#11 providers their TLS uses, non-UTF-8 database charsets,
 * and the zip file system.
 */
export const EXTRA_MODULES = [
  'java.net.http',
  'java.rmi',
  'java.scripting',
  'java.security.sasl',
  'java.xml.crypto',
  'jdk.charsets',
  'jdk.crypto.cryptoki',
  'jdk.crypto.ec',
  'jdk.httpserver',
  'jdk.security.auth',
  'jdk.security.jgss',
  'jdk.zipfs',
];

function jdkHome() {
  const candidates = [process.env.DBTLS_JLINK_JDK, process.env.JAVA_HOME];
  try {
    candidates.push(
      path.dirname(path.dirname(realpathSync(execFileSync('which', ['javac'], { encoding: 'utf8' }).trim()))),
    );
  } catch {
    // no javac on PATH
  }
  return candidates.find(
    (h) =>
      h && existsSync(path.join(h, 'bin', 'jlink')) && existsSync(path.join(h, 'jmods', 'java.base.jmod')),
  );
}

/** A jlinked runtime for this machine's platform in out-meta/jre, or why there is none. */
function linkRuntime() {
  const home = jdkHome();
  if (!home) return { why: 'no JDK with jlink and jmods on this machine (JAVA_HOME, javac on PATH)' };
  const release = readFileSync(path.join(home, 'release'), 'utf8');
  const version = /JAVA_VERSION="(\d+)/.exec(release)?.[1];
  const found = execFileSync(
    path.join(home, 'bin', 'jdeps'),
    ['--multi-release', '17', '--ignore-missing-deps', '--print-module-deps', jarPath],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  )
    .trim()
    .split('\n')
    .pop()
    .split(',');
  const modules = [...new Set([...found, ...EXTRA_MODULES])].sort();
  const jre = path.join(root, 'out-meta', 'jre');
  rmSync(jre, { recursive: true, force: true });
  const args = [
    '--add-modules',
    modules.join(','),
    '--strip-debug',
    '--no-man-pages',
    '--no-header-files',
    '--compress=0',
    '--output',
    jre,
  ];
  try {
    execFileSync(path.join(home, 'bin', 'jlink'), [...args, '--generate-cds-archive'], { stdio: 'inherit' });
  } catch {
    rmSync(jre, { recursive: true, force: true });
    execFileSync(path.join(home, 'bin', 'jlink'), args, { stdio: 'inherit' });
  }
  return { jre, modules, version: Number(version), from: home };
}

function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(p, base);
    return [path.relative(base, p).split(path.sep).join('/')];
  });
}

function contentTypes(xml, names) {
  const have = new Set([...xml.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const add = [
    ...new Set(names.map((n) => path.posix.extname(n).toLowerCase()).filter((e) => e && !have.has(e))),
  ].sort();
  const more = add.map((e) => `<Default Extension="${e}" ContentType="application/octet-stream"/>`).join('');
  return xml.replace('</Types>', `${more}</Types>`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of [universal, jarPath])
    if (!existsSync(f)) {
      console.error(`package-platforms: ${f} is missing: run npm run package`);
      process.exit(1);
    }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const host = hostTarget();
  const runtime = host
    ? linkRuntime()
    : { why: `${process.platform}-${process.arch} is not a VS Code target dbtls packages for` };
  if (runtime.why) console.log(`package-platforms: no Java runtime is bundled: ${runtime.why}`);
  else
    console.log(
      `package-platforms: ${host} carries a Java ${runtime.version} runtime of ${runtime.modules.length} modules (${runtime.modules.join(',')})`,
    );

  const vsix = readZip(universal);
  const jar = readZip(jarPath);
  const summary = { universal: { file: 'dbtls.vsix', bytes: statSync(universal).size, runtime: false } };
  try {
    const manifest = readEntry(vsix.entries.find((e) => e.name === 'extension.vsixmanifest')).toString(
      'utf8',
    );
    const types = readEntry(vsix.entries.find((e) => e.name === '[Content_Types].xml')).toString('utf8');
    for (const target of Object.keys(PLATFORMS)) {
      const dir = path.join(out, target);
      mkdirSync(dir, { recursive: true });
      const platformJar = path.join(dir, 'dbtls.jar');
      writeZip(
        platformJar,
        jar.entries.filter((e) => keepsEntry(target, e.name)),
      );
      const extra = [];
      const withRuntime = target === host && !runtime.why;
      if (withRuntime)
        for (const f of filesUnder(runtime.jre)) {
          const file = path.join(runtime.jre, f);
          extra.push(
            newEntry(`extension/jre/${f}`, readFileSync(file), { mode: statSync(file).mode & 0o777 }),
          );
        }
      const targeted = manifest.replace(/<Identity ([^>]*?)\s*\/>/, (m, attrs) =>
        /TargetPlatform=/.test(attrs) ? m : `<Identity ${attrs} TargetPlatform="${target}"/>`,
      );
      const entries = [
        newEntry('extension.vsixmanifest', Buffer.from(targeted)),
        newEntry(
          '[Content_Types].xml',
          Buffer.from(
            contentTypes(
              types,
              extra.map((e) => e.name),
            ),
          ),
        ),
        ...vsix.entries.filter(
          (e) =>
            !['extension.vsixmanifest', '[Content_Types].xml', 'extension/server/dbtls.jar'].includes(e.name),
        ),
        newEntry('extension/server/dbtls.jar', readFileSync(platformJar), { store: true }),
        ...extra,
      ];
      const file = path.join(out, `dbtls-${target}.vsix`);
      const bytes = writeZip(file, entries);
      rmSync(dir, { recursive: true, force: true });
      summary[target] = { file: path.relative(root, file), bytes, runtime: withRuntime };
    }
  } finally {
    vsix.close();
    jar.close();
  }
  if (!runtime.why) summary.runtime = { target: host, java: runtime.version, modules: runtime.modules };
  writeFileSync(path.join(out, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log('| package | size |\n| --- | ---: |');
  for (const [k, v] of Object.entries(summary))
    if (v.bytes)
      console.log(
        `| ${k}${v.runtime ? ' (with a Java runtime)' : ''} | ${(v.bytes / 1048576).toFixed(1)} MB |`,
      );
}

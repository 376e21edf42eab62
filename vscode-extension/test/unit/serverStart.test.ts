import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { consentedValue } from '../../src/server/consent';
import {
  JAVA_SOURCES,
  findJava,
  javaCandidates,
  noJavaMessage,
  parseJavaVersion,
  probeVersion,
} from '../../src/server/java';
import { LAUNCH, heapDumpFile, isOutOfMemory, serverCommand, splitArgs } from '../../src/server/launch';
import { projectGlob, projectOf, projectRoots } from '../../src/server/projects';
import { RestartPolicy, startFailure } from '../../src/server/restartPolicy';
import { cacheRoot, javaKey, sharedArchive } from '../../src/server/sharedArchive';

test('Java versions as java -version and release files print them', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_292"'), 8);
  assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('openjdk version "25-ea" 2025-09-16'), 25);
  assert.equal(parseJavaVersion('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="11.0.2"'), 11);
  assert.equal(parseJavaVersion('bash: java: not found'), undefined);
});

test('Java is looked for in the setting, then JAVA_HOME, then JDK_HOME, then PATH', () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'dbtls-path-'));
  writeFileSync(path.join(bin, 'java'), '');
  const c = javaCandidates(
    '/opt/setting',
    { JAVA_HOME: '/opt/jh', JDK_HOME: '/opt/jdk', PATH: `/nowhere:${bin}` },
    'linux',
  );
  assert.deepEqual(
    c.map((x) => x.source),
    ['the setting dbtls.java.home', 'JAVA_HOME', 'JDK_HOME', 'PATH'],
  );
  assert.equal(c[0].executable, '/opt/setting/bin/java');
  assert.equal(c[3].executable, path.join(bin, 'java'));
  // the order is launch.json's, which the IntelliJ plugin follows too (a package without a runtime
  // has no editorRuntime)
  assert.deepEqual(
    c.map((x) => Object.keys(JAVA_SOURCES).find((k) => JAVA_SOURCES[k] === x.source)),
    LAUNCH.javaSearch.filter((place) => place !== 'editorRuntime'),
  );
  assert.equal(LAUNCH.minJava, 17);
});

test("a platform package's bundled runtime comes after dbtls.java.home and before JAVA_HOME", () => {
  const ext = mkdtempSync(path.join(tmpdir(), 'dbtls-ext-'));
  const jre = path.join(ext, 'jre');
  const env = { JAVA_HOME: '/opt/jh', PATH: '' };
  // no jre/bin/java in this package: it is not offered
  assert.deepEqual(
    javaCandidates(undefined, env, 'linux', jre).map((x) => x.source),
    ['JAVA_HOME'],
  );
  mkdirSync(path.join(jre, 'bin'), { recursive: true });
  writeFileSync(path.join(jre, 'bin', 'java'), '');
  const c = javaCandidates('/opt/setting', env, 'linux', jre);
  assert.deepEqual(
    c.map((x) => x.source),
    ['the setting dbtls.java.home', 'the Java runtime bundled with dbtls', 'JAVA_HOME'],
  );
  assert.equal(c[1].executable, path.join(jre, 'bin', 'java'));
  assert.deepEqual(
    c.map((x) => Object.keys(JAVA_SOURCES).find((k) => JAVA_SOURCES[k] === x.source)),
    LAUNCH.javaSearch.filter((place) => !['JDK_HOME', 'PATH'].includes(place)),
  );
  // without the setting, the bundled runtime is the first
  assert.equal(javaCandidates(undefined, env, 'linux', jre)[0].source, 'the Java runtime bundled with dbtls');
});

test('the first Java 17+ wins; the message says what was tried and what to do', async () => {
  const c = javaCandidates('/a', { JAVA_HOME: '/b', PATH: '' }, 'linux');
  const versions: Record<string, number | string> = {
    '/a/bin/java': '/a/bin/java does not exist',
    '/b/bin/java': 11,
  };
  const none = await findJava(c, async (x) => versions[x.executable]);
  assert.equal(none.found, undefined);
  const msg = noJavaMessage(none);
  assert.match(
    msg,
    /dbtls\.java\.home: \/a\/bin\/java does not exist; JAVA_HOME: it is Java 11; dbtls needs Java 17/,
  );
  assert.match(msg, /set dbtls\.java\.home/);
  versions['/b/bin/java'] = 21;
  const found = await findJava(c, async (x) => versions[x.executable]);
  assert.equal(found.found?.source, 'JAVA_HOME');
  assert.equal(found.found?.version, 21);
  assert.match(noJavaMessage({ rejected: [] }), /none was found/);
});

test("a Java home's release file names its version without running it", async () => {
  const home = mkdtempSync(path.join(tmpdir(), 'dbtls-jdk-'));
  mkdirSync(path.join(home, 'bin'));
  writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\nexit 1\n');
  chmodSync(path.join(home, 'bin', 'java'), 0o755);
  writeFileSync(path.join(home, 'release'), 'JAVA_VERSION="17.0.9"\n');
  assert.equal(
    await probeVersion({ source: 'JAVA_HOME', home, executable: path.join(home, 'bin', 'java') }),
    17,
  );
  // the real Java of this machine answers too
  const real = javaCandidates(undefined, process.env).find((x) => x.source === 'PATH');
  if (real) assert.equal(typeof (await probeVersion(real)), 'number');
});

test('the server command: a bounded heap, exit on out-of-memory, the user options first', () => {
  const c = serverCommand({
    java: '/j/bin/java',
    jar: '/x/dbtls.jar',
    vmargs: '',
    maxHeap: '2g',
    platform: 'linux',
  });
  assert.deepEqual(c.args, [
    '-Xmx2g',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:MaxNewSize=256m',
    '-XX:NewRatio=5',
    '-Xms256m',
    '-XX:+UseTransparentHugePages',
    '-XX:MetaspaceSize=64m',
    '-XX:-UsePerfData',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-Xlog:disable',
    '-Xlog:all=warning:stderr',
    '-jar',
    '/x/dbtls.jar',
    'lsp',
  ]);
  const own = serverCommand({
    java: 'java',
    jar: 'j',
    vmargs: '-Xmx6g -XX:+UseG1GC "-Dname=a b"',
    maxHeap: '2g',
  });
  assert.deepEqual(own.args.slice(0, 3), ['-Xmx6g', '-XX:+UseG1GC', '-Dname=a b']);
  assert.ok(!own.args.includes('-Xmx2g') && !own.args.includes('-XX:+UseSerialGC'));
  assert.deepEqual(splitArgs(`-Da='x y' -Db`), ['-Da=x y', '-Db']);
  assert.deepEqual(splitArgs(''), []);
});

test('the server command is the one launch-cases.json gives for both clients', () => {
  // the same file is read by the IntelliJ plugin's LaunchTest: the two clients cannot drift apart
  const cases = JSON.parse(
    readFileSync(path.join(__dirname, '../../../test-projects/launch-cases.json'), 'utf8'),
  );
  for (const c of cases.commands) {
    const got = serverCommand({
      java: 'java',
      jar: '/x/dbtls.jar',
      vmargs: c.vmargs,
      maxHeap: c.maxHeap,
      archive: c.archive,
      platform: ({ linux: 'linux', mac: 'darwin', windows: 'win32' } as const)[
        (c.os ?? 'linux') as 'linux' | 'mac' | 'windows'
      ],
    });
    assert.deepEqual(
      got.args,
      c.args.map((a: string) => a.replace('{jar}', '/x/dbtls.jar')),
      `${c.os ?? 'linux'}: ${c.vmargs}`,
    );
  }
});

test('the server writes a heap dump to the folder the client gives, unless the user chose their own', () => {
  const c = serverCommand({ java: 'java', jar: 'j', vmargs: '', maxHeap: '2g', heapDumpDir: '/logs/dbtls' });
  assert.deepEqual(c.args.slice(-5), [
    '-XX:+HeapDumpOnOutOfMemoryError',
    '-XX:HeapDumpPath=/logs/dbtls',
    '-jar',
    'j',
    'lsp',
  ]);
  const own = serverCommand({
    java: 'java',
    jar: 'j',
    vmargs: '-XX:HeapDumpPath=/mine',
    maxHeap: '2g',
    heapDumpDir: '/logs',
  });
  assert.ok(!own.args.includes('-XX:HeapDumpPath=/logs'));
  assert.equal(heapDumpFile('/logs', 42), path.join('/logs', 'java_pid42.hprof'));
  const reason = new RestartPolicy().onCrash({
    code: 3,
    signal: null,
    outOfMemory: true,
    lastWords: 'Terminating due to java.lang.OutOfMemoryError: Java heap space',
    heapDump: '/logs/java_pid42.hprof',
  });
  assert.match(
    (reason as { reason: string }).reason,
    /ran out of memory.*heap dump, for a bug report: \/logs\/java_pid42\.hprof/,
  );
});

test('the class-data archive: in the cache folder, keyed by jar and Java; recorded by a first start, mapped by the next', (t) => {
  assert.equal(cacheRoot({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u'), '/xdg');
  assert.equal(cacheRoot({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), '/home/u/.cache');
  assert.equal(cacheRoot({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches');
  assert.equal(cacheRoot({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U'), 'C:\\L');
  assert.notEqual(javaKey('/j/bin/java', 17), javaKey('/j/bin/java', 21));
  const jar = path.join(__dirname, '../../../server/target/dbtls.jar');
  const java = javaCandidates(undefined, process.env).find((x) => x.source === 'PATH');
  if (!existsSync(jar) || !java) return t.skip('needs the server jar (mvn package) and a java on PATH');
  const cache = mkdtempSync(path.join(tmpdir(), 'dbtls-cds-'));
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  const version = (args: string[]) =>
    spawnSync(java.executable, [...args.slice(0, args.indexOf('-jar') + 2), '--version'], {
      env,
      encoding: 'utf8',
    });
  const first = sharedArchive(jar, { executable: java.executable, version: 17 }, env)!;
  assert.ok(first.file.startsWith(path.join(cache, 'dbtls', 'cds', 'dbtls-')), first.file);
  assert.equal(first.present, false);
  const recording = serverCommand({ java: java.executable, jar, vmargs: '', maxHeap: '', archive: first });
  assert.ok(recording.args.includes(`-XX:ArchiveClassesAtExit=${first.file}`));
  const recorded = version(recording.args);
  assert.equal(recorded.status, 0, recorded.stderr);
  assert.match(recorded.stdout, /^dbtls /);
  const next = sharedArchive(jar, { executable: java.executable, version: 17 }, env)!;
  assert.deepEqual(next, { file: first.file, present: true });
  const mapping = serverCommand({ java: java.executable, jar, vmargs: '', maxHeap: '', archive: next });
  assert.ok(mapping.args.includes(`-XX:SharedArchiveFile=${first.file}`));
  // -Xshare:on fails the start unless the archive is mapped: it is
  const mapped = version(mapping.args.map((a) => (a === '-Xshare:auto' ? '-Xshare:on' : a)));
  assert.equal(mapped.status, 0, mapped.stderr);
});

test('out of memory is known by its exit code or its last words', () => {
  assert.equal(isOutOfMemory(3, ''), true);
  assert.equal(isOutOfMemory(1, 'Terminating due to java.lang.OutOfMemoryError: Java heap space'), true);
  assert.equal(isOutOfMemory(1, 'Exception in thread main'), false);
});

test('a start that failed says how the server ended and its last words, once', () => {
  const ended = {
    code: 1,
    signal: null,
    outOfMemory: false,
    lastWords: "Error: a\nUnrecognized VM option 'Foo'\n",
  };
  assert.equal(
    startFailure('Pending response rejected since connection got disposed.', ended),
    "The dbtls server did not start (exit code 1): Pending response rejected since connection got disposed. Its last words: Error: a Unrecognized VM option 'Foo'",
  );
  // the end not seen (yet): no exit named, no last words
  assert.equal(
    startFailure('timed out', { code: null, signal: null, outOfMemory: false, lastWords: '' }),
    'The dbtls server did not start: timed out.',
  );
});

test('crashes restart 5 times in 3 minutes, then stop with why; out of memory never restarts', () => {
  let now = 0;
  const p = new RestartPolicy(5, 180_000, () => now);
  const crash = { code: 1, signal: null, outOfMemory: false, lastWords: 'boom' };
  for (let i = 0; i < 5; i++) {
    now += 1000;
    assert.deepEqual(p.onCrash(crash), { restart: true });
  }
  now += 1000;
  const sixth = p.onCrash(crash);
  assert.equal(sixth.restart, false);
  assert.match(
    (sixth as { reason: string }).reason,
    /stopped 6 times in 3 minutes \(last: exit code 1\).*boom/,
  );
  now += 181_000; // the window has passed: crashes long ago do not count
  assert.deepEqual(p.onCrash(crash), { restart: true });
  const oom = p.onCrash({ ...crash, outOfMemory: true });
  assert.equal(oom.restart, false);
  assert.match((oom as { reason: string }).reason, /ran out of memory.*dbtls\.server\.maxHeap/);
});

test("a workspace's java.home is used only with the user's consent, remembered per value", async () => {
  const memory = new Map<string, boolean>();
  const store = {
    get: (k: string) => memory.get(k),
    update: async (k: string, v: boolean) => void memory.set(k, v),
  };
  let asked = 0;
  const yes = async () => (asked++, true);
  const no = async () => (asked++, false);
  assert.equal(await consentedValue('java.home', { user: '/mine' }, store, yes), '/mine');
  assert.equal(asked, 0, 'user settings need no consent');
  assert.equal(await consentedValue('java.home', { user: '/mine', workspace: '/evil' }, store, no), '/mine');
  assert.equal(
    await consentedValue('java.home', { user: '/mine', workspace: '/evil' }, store, yes),
    '/mine',
    'a refusal is remembered',
  );
  assert.equal(asked, 1);
  assert.equal(await consentedValue('java.home', { workspace: '/opt/jdk' }, store, yes), '/opt/jdk');
  assert.equal(
    await consentedValue('java.home', { workspace: '/opt/jdk' }, store, no),
    '/opt/jdk',
    'a consent is remembered',
  );
  assert.equal(
    await consentedValue('java.home', { workspace: '/opt/other' }, store, async () => undefined),
    undefined,
    'dismissed: not used',
  );
});

test('projects: packages and build output are not projects; files belong to the innermost', () => {
  const roots = projectRoots([
    '/w/a/dbt_project.yml',
    '/w/a/dbt_packages/utils/dbt_project.yml',
    '/w/b/dbt_project.yml',
    '/w/a/sub/dbt_project.yml',
  ]);
  assert.deepEqual(roots, ['/w/a', '/w/a/sub', '/w/b']);
  assert.equal(projectOf('/w/a/models/x.sql', roots), '/w/a');
  assert.equal(projectOf('/w/a/sub/models/x.sql', roots), '/w/a/sub');
  assert.equal(projectOf('/w/c/x.sql', roots), undefined);
  assert.equal(projectOf('/w/ab/x.sql', roots), undefined);
  assert.equal(projectGlob('C:\\w\\a', 'sql'), 'C:/w/a/**/*.sql');
});

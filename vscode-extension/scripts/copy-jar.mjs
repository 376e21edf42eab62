// Copies the server jar built by Maven (server/target/dbtls.jar) into the extension, where the
// client starts it from: the .vsix carries the whole product.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const jar = join(here, '..', 'server', 'target', 'dbtls.jar');
if (!existsSync(jar)) {
  console.error(`copy-jar: ${jar} is missing; build it first with: mvn -pl server -am -DskipTests package`);
  process.exit(1);
}
mkdirSync(join(here, 'server'), { recursive: true });
copyFileSync(jar, join(here, 'server', 'dbtls.jar'));

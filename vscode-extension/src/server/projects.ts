import * as path from 'node:path';

/** Folders whose dbt_project.yml files are not projects of their own (installed packages, build output). */
const NOT_PROJECTS = new Set(['dbt_packages', 'dbt_modules', 'node_modules', 'site-packages']);

/** The dbt project folders among found dbt_project.yml files, sorted; packages and build output left out. */
export function projectRoots(projectFiles: string[]): string[] {
  const roots = projectFiles
    .map((f) => path.dirname(f))
    .filter((dir) => !dir.split(/[\\/]/).some((segment) => NOT_PROJECTS.has(segment)));
  return [...new Set(roots)].sort();
}

/** The innermost project a file belongs to, if any. */
export function projectOf(file: string, roots: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    const inside =
      file.startsWith(r.endsWith('/') || r.endsWith('\\') ? r : r + path.sep) || file.startsWith(`${r}/`);
    if (inside && (!best || r.length > best.length)) best = r;
  }
  return best;
}

/** A glob for the document selector: the files of one extension in a project (forward slashes). */
export function projectGlob(root: string, extension: string): string {
  return `${root.replace(/\\/g, '/')}/**/*.${extension}`;
}

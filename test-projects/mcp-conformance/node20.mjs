// The conformance package imports fs.globSync, which Node 22 added; CI and this machine have
// Node 20. Its server scenarios never call it: this load hook takes the name out of the package's
// import and puts in a stand-in that says so if a scenario ever does.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function load(url, context, next) {
  const loaded = await next(url, context);
  if (!url.includes("@modelcontextprotocol/conformance/dist/")) return loaded;
  const source = String(loaded.source);
  const patched = source.replace(/globSync as (\\w+),/, (m, name) => {
    return "";
  });
  const name = (source.match(/globSync as (\\w+),/) || [])[1];
  return {
    ...loaded,
    source: name
      ? patched.replace(
          /^(#!.*\\n)?/,
          (shebang) =>
            (shebang || "") +
            "const " + name + " = () => { throw new Error('fs.globSync needs Node 22'); };\\n",
        )
      : source,
  };
}
`),
);

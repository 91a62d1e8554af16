// Schema check of Kubernetes manifests, offline: every document of the YAML files named on the command line
// (or read from standard input) is validated against the JSON schema of its apiVersion and kind, as published
// in kubernetes-models. An unknown kind, a misspelt field or a wrong type fails with the document and the path.
//   kubectl kustomize deploy/kubernetes/base | node deploy/validate/check-manifests.mjs
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const sources = process.argv.length > 2
  ? process.argv.slice(2).map((file) => ({ name: file, text: readFileSync(file, "utf8") }))
  : [{ name: "stdin", text: readFileSync(0, "utf8") }];

let checked = 0;
const failures = [];
for (const { name, text } of sources) {
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      failures.push(`${name}: YAML: ${document.errors[0].message}`);
      continue;
    }
    const manifest = document.toJS();
    if (manifest === null) continue;
    const where = `${name}: ${manifest.kind ?? "?"} ${manifest.metadata?.name ?? "?"}`;
    const [group, version] = manifest.apiVersion?.includes("/") ? manifest.apiVersion.split("/") : ["", manifest.apiVersion];
    const modulePath = `kubernetes-models/${group === "" ? "" : group + "/"}${version}/${manifest.kind}`;
    let Model;
    try {
      Model = (await import(modulePath))[manifest.kind];
    } catch {
      failures.push(`${where}: no schema for apiVersion ${manifest.apiVersion}, kind ${manifest.kind}`);
      continue;
    }
    try {
      new Model(manifest).validate();
      checked++;
    } catch (error) {
      failures.push(`${where}: ${error.message}`);
    }
  }
}

for (const failure of failures) console.error(failure);
console.log(`manifests: ${checked} valid, ${failures.length} invalid`);
process.exit(failures.length === 0 && checked > 0 ? 0 : 1);

// Write the TypeScript types of the ilacs documents from one bundle of their schemas.
//
// Input (the file named by the first argument, else stdin): a JSON Schema whose $defs
// hold every named type (the documents, the records, the enums) once; output (stdout):
// the .d.ts text json-schema-to-typescript makes of it, each type named by its title
// and documented by its description.
import { readFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const bundle = JSON.parse(readFileSync(process.argv[2] ?? 0, "utf8"));
const banner =
  "/* The TypeScript types of ilacs documents, generated from schemas/*.schema.json by\n" +
  " * json-schema-to-typescript: do not edit by hand (see docs/how-to/front-end.md). */";
const text = await compile(bundle, bundle.title, {
  bannerComment: banner,
  additionalProperties: false,
  unreachableDefinitions: true,
  format: true,
  style: { printWidth: 100 },
});
process.stdout.write(text);

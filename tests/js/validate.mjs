// Validate documents with ajv (draft 2020-12, strict mode, ajv-formats), as a front end would.
//
// One process validates many documents: the tests start it once per run. It reads
// JSON Lines on stdin: first an object of schemas by document type, then one line a
// document, {"type": <document type>, "text": <the document's JSON text>}. The text
// is parsed here with JSON.parse, so a document reaches ajv exactly as a JavaScript
// program sees it. For each document it writes one line to stdout: {"ok": true}, or
// {"ok": false, "error": "<keyword> at <path>: <message>"}.
import { createInterface } from "node:readline";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
let validators = null;

function verdict(line) {
  const { type, text } = JSON.parse(line);
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error.message}` };
  }
  const validate = validators[type];
  if (validate(document)) {
    return { ok: true };
  }
  const [first] = validate.errors;
  return { ok: false, error: `${first.keyword} at ${first.instancePath}: ${first.message}` };
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (validators === null) {
    validators = {};
    for (const [type, schema] of Object.entries(JSON.parse(line))) {
      validators[type] = ajv.compile(schema);
    }
    process.stdout.write(JSON.stringify({ ok: true, compiled: Object.keys(validators) }) + "\n");
  } else {
    process.stdout.write(JSON.stringify(verdict(line)) + "\n");
  }
}

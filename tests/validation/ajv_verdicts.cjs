// Ajv's verdicts (JSON Schema 2020-12, JavaScript) on many documents at once, for the
// differential tests (tests/validation/test_three_validators.py).
//
// Usage: node ajv_verdicts.cjs SCHEMA.json < documents.json
// Standard input is a JSON array of strings, each the text of one document; standard
// output is a JSON array with, for each, true (valid), false (invalid) or null (JSON.parse
// refused the text, so the schema has nothing to say about it).
"use strict";

const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020").default;

const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
// Strict mode's schema checks stay on (an unknown keyword or format fails the compile); its
// style checks are off: strictTypes asks for "type" beside keywords of one type and
// strictRequired for "properties" beside "required" in a subschema, neither a rule of JSON
// Schema. Formats are not asserted (the schema uses none).
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false });
const validate = ajv.compile(schema);

const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const verdicts = texts.map((text) => {
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return null;
  }
  return validate(document);
});
process.stdout.write(JSON.stringify(verdicts));

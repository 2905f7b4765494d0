// `npm run schema`: writes scenarios/scenario.schema.json from the zod scenario schema, for
// editors (the scenario files name it in their yaml-language-server line). Run it after
// changing any scenario schema; a test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../scenarios/schema.ts';

export const SCHEMA_FILE = new URL('../../scenarios/scenario.schema.json', import.meta.url);

/** The file's exact text: pretty, keys in the schema's own order, a final newline. */
export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, scenarioSchemaText());
  process.stdout.write(`wrote ${fileURLToPath(SCHEMA_FILE)}\n`);
}

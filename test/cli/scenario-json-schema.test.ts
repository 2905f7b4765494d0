import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioSchemaText } from '../../src/cli/write-json-schema.ts';
import { SCENARIO_KINDS } from '../../src/scenarios/schema.ts';

describe('scenarios/scenario.schema.json', () => {
  it('is what `npm run schema` generates from the current scenario schema', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'stale: run `npm run schema` and commit the file').toBe(scenarioSchemaText());
  });

  it('offers every scenario kind to editors', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { oneOf: { properties: { kind: { const: string } } }[] };
    expect(schema.oneOf.map((option) => option.properties.kind.const).sort()).toEqual([...SCENARIO_KINDS].sort());
  });
});

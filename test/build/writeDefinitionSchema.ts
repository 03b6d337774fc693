// Writes public/saga-definition.schema.json from the core's definition rules (npm run schema).
import { writeFileSync } from 'node:fs';
import { definitionJsonSchema } from '../../src/core/definitions/jsonSchema';

const out = new URL('../../public/saga-definition.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);

// Writes server/src/core/schema/bundledValidator.generated.ts from schemas/pattern.schema.json.
// Run after changing the schema: `npm run generate:validator` (a unit test says when it is needed).
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { validatorModuleSource } = require(path.join(root, 'out/server/src/core/schema/validatorSource.js'));
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/pattern.schema.json'), 'utf8'));
const target = path.join(root, 'server/src/core/schema/bundledValidator.generated.ts');
fs.writeFileSync(target, validatorModuleSource(schema));
console.log(`wrote ${path.relative(root, target)}`);

// Lint rule: a folder of apps/api/src is a feature (or infrastructure) module; other folders may import it only through
// its public file (index.ts), so each folder decides what it exports.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiSrc = resolve(dirname(fileURLToPath(import.meta.url)), '../apps/api/src');

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another folder of apps/api/src only through its index.ts' },
    messages: { deep: "Importeer '{{folder}}' via zijn publieke bestand ('{{folder}}/index.ts'), niet via '{{path}}'." },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(apiSrc + sep)) return {};
    const own = relative(apiSrc, file).split(sep);
    const ownFolder = own.length > 1 ? own[0] : null;
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const parts = relative(apiSrc, resolve(dirname(file), spec)).split(sep);
      if (parts[0] === '..' || parts.length === 1 || parts[0] === ownFolder) return;
      if (parts.length === 2 && parts[1] === 'index') return;
      context.report({ node: node.source, messageId: 'deep', data: { folder: parts[0], path: spec } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

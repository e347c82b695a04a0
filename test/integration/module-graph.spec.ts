// The folders of apps/api/src form a one-way graph: no folder imports a folder that (directly or through others)
// imports it back, so each feature module can be read, tested and moved on its own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const apiSrc = resolve(__dirname, '../../apps/api/src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of tsFiles(apiSrc)) {
    const own = relative(apiSrc, file).split(sep);
    // Root files (main, app.module) wire the folders together; cli/ holds entry points that may use that wiring.
    if (own.length === 1) continue;
    const edges = graph.get(own[0]) ?? new Set<string>();
    graph.set(own[0], edges);
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const path = resolve(dirname(file), match[1]);
      const target = relative(apiSrc, path).split(sep);
      if (target[0] === '..') continue;
      const isFolder = target.length === 1 && existsSync(path) && statSync(path).isDirectory();
      if (target.length === 1 && !isFolder) edges.add(`(root)/${target[0]}`);
      else if (target[0] !== own[0]) edges.add(target[0]);
    }
  }
  return graph;
}

function cycleFrom(graph: Map<string, Set<string>>, start: string): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (node: string): string[] | null => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
    if (seen.has(node)) return null;
    seen.add(node);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    return null;
  };
  return visit(start);
}

describe('the folders of the API', () => {
  const graph = folderGraph();

  it('never import the root files that wire them together (only the cli entry points do)', () => {
    const upward = [...graph].filter(([folder]) => folder !== 'cli').flatMap(([folder, edges]) => [...edges].filter((edge) => edge.startsWith('(root)/')).map((edge) => `${folder} → ${edge}`));
    expect(upward).toEqual([]);
  });

  it('import each other one way only (no cycle between folders)', () => {
    const cycles = [...graph.keys()].map((folder) => cycleFrom(graph, folder)).filter((cycle): cycle is string[] => cycle !== null);
    expect(cycles.map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('the process environment', () => {
  it('is read in one file only (env/process-env.ts); config/ validates it, everything else gets AppConfig', () => {
    const readers = tsFiles(apiSrc)
      .filter((file) => !file.endsWith('.spec.ts') && /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(apiSrc, file));
    expect(readers).toEqual([join('env', 'process-env.ts')]);
  });
});

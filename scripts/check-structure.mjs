#!/usr/bin/env node
// Checks the layout described in ARCHITECTURE.md: the file vocabulary of domain folders, the
// import direction between layers, a dependency-free engine, and no cycles between domain
// folders. Exceptions live in scripts/structure-allowlist.json, a list that only shrinks.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const allowlist = JSON.parse(readFileSync(path.join(root, 'scripts/structure-allowlist.json'), 'utf8'));
const problems = [];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const rel = (file) => path.relative(root, file).split(path.sep).join('/');
const sourceFiles = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'web'))].filter((f) => /\.(ts|tsx)$/.test(f));

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specs = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    const typeOnly = /^(import|export)\s+type\s/.test(m[0]);
    specs.push({ spec, typeOnly });
  }
  return specs;
}

function resolveRelative(file, spec) {
  if (!spec.startsWith('.')) return null;
  return rel(path.resolve(path.dirname(file), spec));
}

// 1. File vocabulary of domain folders.
const vocabulary = new Set(['schema.ts', 'types.ts', 'rules.ts', 'data.ts', 'mutations.ts', 'actions.ts', 'policy.ts']);
const verbNoun = /^(get|list|create|update|delete|compute|parse|import|export|send|run|build|render|read|write|check|apply|generate|seed)-[a-z0-9-]+\.ts$/;
for (const file of sourceFiles.filter((f) => rel(f).startsWith('src/domain/'))) {
  const parts = rel(file).split('/');
  const name = parts.at(-1);
  if (parts.length !== 4) continue; // nested folders (data files) are free
  if (vocabulary.has(name) || verbNoun.test(name) || name.endsWith('.test.ts')) continue;
  if (!allowlist.vocabulary.includes(rel(file))) problems.push(`${rel(file)}: not in the domain file vocabulary (${[...vocabulary].join(', ')} or <verb>-<noun>.ts)`);
}

// 2. No dumping grounds.
for (const file of sourceFiles) {
  if (/(^|\/)(helpers|utils)\.tsx?$/.test(rel(file))) problems.push(`${rel(file)}: no helpers/utils files; name the thing`);
}

// 3. Import direction.
const layerOf = (p) => (p.startsWith('src/engine/') ? 'engine' : p.startsWith('src/domain/') ? 'domain' : p.startsWith('src/db/') ? 'db'
  : p.startsWith('src/server/') ? 'server' : p.startsWith('src/lib/') ? 'lib' : p.startsWith('src/cli/') ? 'cli' : p.startsWith('web/') ? 'web' : 'other');
const mayImport = {
  engine: ['engine'],
  lib: ['lib'],
  db: ['db', 'lib'],
  domain: ['domain', 'engine', 'db', 'lib'],
  server: ['server', 'domain', 'lib', 'db'],
  cli: ['cli', 'server', 'domain', 'engine', 'db', 'lib'],
  web: ['web', 'domain'],
};
const domainEdges = new Map();
for (const file of sourceFiles) {
  const from = rel(file);
  const layer = layerOf(from);
  if (from.endsWith('.test.ts')) continue;
  for (const { spec, typeOnly } of importsOf(file)) {
    const target = resolveRelative(file, spec);
    if (!target) {
      if (layer === 'engine' && !spec.startsWith('node:') && !allowlist.engineDependencies.includes(spec)) {
        problems.push(`${from}: the engine has no dependencies, but imports "${spec}"`);
      }
      if (layer === 'engine' && spec.startsWith('node:')) problems.push(`${from}: the engine does no I/O, but imports "${spec}"`);
      continue;
    }
    const targetLayer = layerOf(target);
    if (!(mayImport[layer] ?? []).includes(targetLayer) && !allowlist.imports.includes(`${from} -> ${target}`)) {
      problems.push(`${from}: ${layer} may not import ${targetLayer} (${target})`);
    }
    if (layer === 'web' && targetLayer === 'domain' && !/\/schema(\.ts)?$/.test(target)) {
      problems.push(`${from}: the browser may import only domain schemas, not ${target}`);
    }
    if (layer === 'domain' && targetLayer === 'domain' && !typeOnly) {
      const a = from.split('/')[2];
      const b = target.split('/')[2];
      const base = target.split('/').at(-1).replace(/\.ts$/, '');
      // schema, types and policy are declarations every folder may lean on; they do not make cycles
      if (a !== b && !['schema', 'types', 'policy'].includes(base)) {
        if (!domainEdges.has(a)) domainEdges.set(a, new Set());
        domainEdges.get(a).add(b);
      }
    }
  }
}

// 4. No cycles between domain folders.
const seen = new Set();
const stack = [];
function visit(node) {
  if (stack.includes(node)) {
    const cycle = [...stack.slice(stack.indexOf(node)), node].join(' → ');
    if (!allowlist.cycles.includes(cycle)) problems.push(`domain cycle: ${cycle}`);
    return;
  }
  if (seen.has(node)) return;
  stack.push(node);
  for (const next of domainEdges.get(node) ?? []) visit(next);
  stack.pop();
  seen.add(node);
}
for (const node of domainEdges.keys()) visit(node);

if (problems.length) {
  console.error(`Structure check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Structure check passed: ${sourceFiles.length} files, ${domainEdges.size} domain folders with imports, no cycles.`);

#!/usr/bin/env node
// Checks the layout described in ARCHITECTURE.md: every practice is an area, cut the same way in
// every layer; the file vocabulary inside an area's nouns; the import direction between layers;
// the rules between areas (foundation and calendar for everyone, other areas only through their
// public.ts); a dependency-free engine; the tenant brand minted only in the policy module; and no
// cycles between nouns. Exceptions live in scripts/structure-allowlist.json, a list that only shrinks.
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
const dirsOf = (dir) => (existsSync(dir) ? readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory()) : []);

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

// 1. Areas: src/domain/<area>/ holds module.ts, messages.ts, optionally public.ts, and its nouns.
//    Every area is in the server's list and the browser's list, and has its place in every layer.
const areas = dirsOf(path.join(root, 'src/domain'));
const areaFiles = new Set(['module.ts', 'messages.ts', 'public.ts']);
const domainRootFiles = new Set(['area-module.ts']);
const serverList = readFileSync(path.join(root, 'src/server/modules.ts'), 'utf8');
const webListPath = path.join(root, 'web/src/features/modules.ts');
const webList = existsSync(webListPath) ? readFileSync(webListPath, 'utf8') : null;
for (const area of areas) {
  const need = [
    `src/domain/${area}/module.ts`,
    `src/domain/${area}/messages.ts`,
    `src/server/routes/${area}/index.ts`,
    `docs/${area}.md`,
  ];
  for (const file of need) if (!existsSync(path.join(root, file))) problems.push(`area ${area}: ${file} is missing (every area has its module, messages, routes and doc)`);
  if (!existsSync(path.join(root, `src/db/schema/${area}.ts`)) && !allowlist.areasWithoutTables?.includes(area)) {
    problems.push(`area ${area}: src/db/schema/${area}.ts is missing`);
  }
  if (!serverList.includes(`./routes/${area}/index.ts`)) problems.push(`area ${area}: not in the list of areas in src/server/modules.ts`);
  if (webList && existsSync(path.join(root, `web/src/features/${area}`)) && !webList.includes(`./${area}/module`)) {
    problems.push(`area ${area}: not in the browser's list of areas in web/src/features/modules.ts`);
  }
}
for (const dir of [['src/server/routes', 'server routes'], ['web/src/features', 'web features'], ['tests/integration', 'integration tests'], ['tests/e2e', 'e2e tests']]) {
  for (const name of dirsOf(path.join(root, dir[0]))) {
    if (!areas.includes(name)) problems.push(`${dir[0]}/${name}: ${dir[1]} are cut by area, but there is no area src/domain/${name}`);
  }
}

// 2. File vocabulary: area-level files, and inside a noun the closed vocabulary.
const vocabulary = new Set(['schema.ts', 'types.ts', 'rules.ts', 'data.ts', 'mutations.ts', 'actions.ts', 'policy.ts']);
const verbNoun = /^(get|list|create|update|delete|compute|parse|import|export|send|run|build|render|read|write|check|apply|generate|seed|issue|verify|plan|propose|refresh)-[a-z0-9-]+\.ts$/;
for (const file of sourceFiles.filter((f) => rel(f).startsWith('src/domain/'))) {
  const r = rel(file);
  const parts = r.split('/');
  const name = parts.at(-1);
  if (name.endsWith('.test.ts')) continue;
  if (parts.length === 3) {
    if (!domainRootFiles.has(name)) problems.push(`${r}: src/domain/ holds only areas (and ${[...domainRootFiles].join(', ')})`);
  } else if (parts.length === 4) {
    if (!areaFiles.has(name)) problems.push(`${r}: an area holds ${[...areaFiles].join(', ')} and its nouns' folders`);
  } else if (parts.length === 5) {
    if (!vocabulary.has(name) && !verbNoun.test(name) && !allowlist.vocabulary.includes(r)) {
      problems.push(`${r}: not in the noun file vocabulary (${[...vocabulary].join(', ')} or <verb>-<noun>.ts)`);
    }
  } // deeper: data folders, free
}

// 3. No dumping grounds.
for (const file of sourceFiles) {
  if (/(^|\/)(helpers|utils)\.tsx?$/.test(rel(file))) problems.push(`${rel(file)}: no helpers/utils files; name the thing`);
}

// 4. The tenant brand is minted only in the policy module.
for (const file of sourceFiles) {
  const r = rel(file);
  if (r === 'src/domain/foundation/auth/policy.ts' || r.endsWith('.test.ts')) continue;
  if (/as\s+AuthorizedNetworkId\b/.test(readFileSync(file, 'utf8'))) {
    problems.push(`${r}: mints AuthorizedNetworkId by a cast; only src/domain/foundation/auth/policy.ts may (policyAuthorize, policyRowNetwork)`);
  }
}

// 5. Import direction between layers, and between areas.
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
// what an area may lean on besides itself: foundation builds on nothing, calendar on foundation, the rest on both
const baseAreas = { foundation: [], calendar: ['foundation'] };
const touchesDatabase = (target) => {
  const file = path.join(root, target.endsWith('.ts') ? target : `${target}.ts`);
  return !existsSync(file) || /from\s+['"](drizzle-orm|pg)['"/]|\/db\//.test(readFileSync(file, 'utf8'));
};
const areaOf = (p) => (p.startsWith('src/domain/') && p.split('/').length > 3 ? p.split('/')[2] : null);
const nounOf = (p) => { const s = p.split('/'); return s.length > 4 ? `${s[2]}/${s[3]}` : s.length === 4 ? `${s[2]}/(area)` : '(domain)'; };
const nounEdges = new Map();
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
    if (layer === 'web' && targetLayer === 'domain' && !/\/(schema|rules)(\.ts)?$/.test(target)) {
      problems.push(`${from}: the browser may import only domain schemas and pure rules, not ${target}`);
    }
    if (layer === 'domain' && targetLayer === 'domain') {
      const a = areaOf(from);
      const b = areaOf(target);
      if (a && b && a !== b) {
        const base = baseAreas[a] ?? ['foundation', 'calendar'];
        const viaPublic = /^src\/domain\/[a-z-]+\/public(\.ts)?$/.test(target);
        if (!base.includes(b) && !viaPublic && !allowlist.imports.includes(`${from} -> ${target}`)) {
          problems.push(`${from}: area ${a} may use ${['itself', ...base].join(', ')} and other areas only through their public.ts, not ${target}`);
        }
      }
      if (!a && b && !/^src\/domain\/[a-z-]+\/(public|module|messages)(\.ts)?$/.test(target) && !typeOnly) {
        problems.push(`${from}: the domain's root files use areas only through their public.ts, module.ts or messages.ts`);
      }
      // rules.ts is importable by the browser: it stays pure (static reference data is fine, the database is not)
      if (/\/rules\.ts$/.test(from) && /\/(data|mutations|actions)(\.ts)?$/.test(target) && touchesDatabase(target)) {
        problems.push(`${from}: rules are pure (the browser imports them), but import ${target}`);
      }
      // the area's own module.ts (the composition root), messages.ts and public.ts (declarations) make no cycles
      if (/^src\/domain\/[a-z-]+\/(module|messages|public)(\.ts)?$/.test(from) || /^src\/domain\/[a-z-]+\/(module|messages|public)(\.ts)?$/.test(target)) continue;
      const na = nounOf(from);
      const nb = nounOf(target);
      const baseName = target.split('/').at(-1).replace(/\.ts$/, '');
      // schema, types and policy are declarations every noun may lean on; they do not make cycles
      if (!typeOnly && na !== nb && !['schema', 'types', 'policy'].includes(baseName)) {
        if (!nounEdges.has(na)) nounEdges.set(na, new Set());
        nounEdges.get(na).add(nb);
      }
    }
    if (layer === 'domain' && targetLayer === 'db' && /\/rules\.ts$/.test(from) && !typeOnly) {
      problems.push(`${from}: rules are pure (the browser imports them), but import ${target}`);
    }
  }
}

// 6. No cycles between nouns.
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
  for (const next of nounEdges.get(node) ?? []) visit(next);
  stack.pop();
  seen.add(node);
}
for (const node of nounEdges.keys()) visit(node);

if (problems.length) {
  console.error(`Structure check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Structure check passed: ${sourceFiles.length} files, ${areas.length} areas (${areas.join(', ')}), ${nounEdges.size} nouns with imports, no cycles.`);

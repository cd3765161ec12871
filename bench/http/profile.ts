import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  /** Of the samples when the process was not idle. */
  readonly percent: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly busyMs: number;
  /** Self time, with Node's and the engine's charged to the package or project folder that called them. */
  readonly byPackage: readonly ProfileShare[];
  readonly byFunction: readonly ProfileShare[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** Where a frame's code comes from: an npm package, the project's own code, Node itself, or the engine. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const dist = url.indexOf('/dist/');
  return dist >= 0
    ? `project ${url
        .slice(dist + 6)
        .split('/')
        .slice(0, 2)
        .join('/')}`
    : url;
}

const top = (totals: Map<string, number>, busy: number, count: number): ProfileShare[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name, percent: Math.round((micros / busy) * 1000) / 10 }));

/** Self time of the newest .cpuprofile in `directory`, by package and by function. */
export async function summarizeNewestProfile(directory: string, count = 15): Promise<ProfileSummary> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile')).sort();
  const file = path.join(directory, files.at(-1)!);
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  // Time in Node's own code or the engine is charged to the nearest caller from a package or the project.
  const ownerOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const { url, functionName } = nodes.get(at)!.callFrame;
      if (url.includes('/node_modules/') || url.includes('/dist/')) return packageOf(url, functionName);
    }
    const { url, functionName } = nodes.get(id)!.callFrame;
    return packageOf(url, functionName);
  };
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const { callFrame } = nodes.get(id)!;
    if (IDLE.has(callFrame.functionName)) return;
    const micros = profile.timeDeltas[index] ?? 0;
    busy += micros;
    const pkg = packageOf(callFrame.url, callFrame.functionName);
    const owner = ownerOf(id);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + micros);
    const fn = `${callFrame.functionName || '(anonymous)'} ${pkg}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
  return {
    file,
    busyMs: Math.round(busy / 1000),
    byPackage: top(byPackage, busy, count),
    byFunction: top(byFunction, busy, count),
  };
}

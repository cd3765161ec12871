import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { AppModule } from '../src/app.module.js';
import { parseConfig } from '../src/config/index.js';
import { buildOpenApiDocumentOffline } from '../src/platform/openapi/openapi-offline.js';
import { openApiDocument, operationsOf, type OpenApiDocument } from './support/openapi.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ROOT = resolve(__dirname, '..');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

interface LintProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly location: readonly { readonly pointer?: string }[];
}

/** `redocly lint` with the repository's redocly.yaml, as CI runs it; every error and warning. */
async function lint(document: OpenApiDocument): Promise<string[]> {
  const directory = await mkdtemp(join(tmpdir(), 'filmlog-openapi-'));
  try {
    const file = join(directory, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const args = [REDOCLY, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'];
    // redocly exits 1 when it finds an error; the JSON on stdout holds the problems either way.
    const stdout = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 << 20 })
      .then((result) => result.stdout)
      .catch((error: { stdout?: string }) => error.stdout ?? '');
    const { problems } = JSON.parse(stdout) as { problems: LintProblem[] };
    return problems.map(
      ({ severity, ruleId, location, message }) =>
        `${severity} ${ruleId} at ${location[0]?.pointer ?? '?'}: ${message}`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** An anonymous request; writes carry an empty JSON body. */
function send(testApp: TestApp, method: string, url: string): request.Test {
  const agent = request(testApp.app.getHttpServer());
  switch (method) {
    case 'GET':
      return agent.get(url);
    case 'POST':
      return agent.post(url).send({});
    case 'PUT':
      return agent.put(url).send({});
    case 'PATCH':
      return agent.patch(url).send({});
    case 'DELETE':
      return agent.delete(url);
    default:
      throw new Error(`no anonymous request written for ${method}`);
  }
}

describe('OpenAPI document (e2e)', () => {
  let testApp: TestApp;
  let served: OpenApiDocument;

  beforeAll(async () => {
    testApp = await startTestApp();
    served = await openApiDocument(testApp.app);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('lints clean with the recommended rules: no error, no warning', async () => {
    expect(await lint(served)).toEqual([]);
  }, 60_000);

  it('declares security on every operation: none on public ones, a bearer token on the rest', () => {
    const declared = new Set(['[]', '[{"bearer":[]}]']);
    const undeclared = Object.entries(served.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => !declared.has(JSON.stringify(operation.security)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('asks for a token exactly where the guard does: an anonymous request is refused by it only there', async () => {
    const operations = operationsOf(served);
    expect(operations.length).toBeGreaterThan(50);
    const disagreements: string[] = [];
    for (const { method, path, secured } of operations) {
      // The guard answers before the parameters are read, so any value reaches it.
      const url = path.replace(/\{\w+\}/g, 'x');
      const response = await send(testApp, method, url);
      const refused = response.status === 401 && response.headers['www-authenticate'] === 'Bearer';
      if (refused !== secured) disagreements.push(`${method} ${path}: ${response.status}`);
    }
    expect(disagreements).toEqual([]);
  }, 60_000);

  it('is what scripts/openapi-document.mjs writes without a server', async () => {
    const offline = await buildOpenApiDocumentOffline(AppModule.forRoot(parseConfig({})));
    expect(JSON.parse(JSON.stringify(offline))).toEqual(served);
  });
});

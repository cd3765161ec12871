import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { StaticAsset } from '../../platform/http/http-pages.js';

/** Served from the source tree, so `tsc` needs no copy step; the image copies the folder (Dockerfile). */
export const ASSETS_DIRECTORY = resolve(process.cwd(), 'src/web/assets');

type Bundle = StaticAsset;

/**
 * The pages' stylesheet and script: every .css file of src/web/assets in name order as one
 * bundle, every .js file as another, each named by its content hash and cached for a year.
 */
@Injectable()
export class WebAssets {
  readonly css: Bundle;
  readonly js: Bundle;

  constructor() {
    if (!existsSync(ASSETS_DIRECTORY)) {
      throw new Error(`The web assets are missing: ${ASSETS_DIRECTORY} (start the service from its folder)`);
    }
    this.css = bundle('css', 'text/css; charset=utf-8');
    this.js = bundle('js', 'text/javascript; charset=utf-8');
  }

  /** Both bundles, for the platform to serve (GET and HEAD, cached for a year). */
  get all(): readonly StaticAsset[] {
    return [this.css, this.js];
  }
}

function bundle(extension: 'css' | 'js', type: string): Bundle {
  const files = readdirSync(ASSETS_DIRECTORY)
    .filter((name) => name.endsWith(`.${extension}`))
    .sort();
  const body = Buffer.concat(
    files.map((name) => Buffer.from(`${readFileSync(join(ASSETS_DIRECTORY, name), 'utf8')}\n`)),
  );
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `/assets/app.${hash}.${extension}`, body, type };
}

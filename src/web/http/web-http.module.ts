import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module.js';
import { OwnWrites } from './own-writes.js';
import { WebAssets } from './web-assets.js';
import { WebCsrf } from './web-csrf.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { WebGuard } from './web-guard.js';
import { WebPageInterceptor } from './web-page.js';
import { WebRenderer } from './web-renderer.js';
import { WebSession } from './web-session.js';

const providers = [
  OwnWrites,
  WebAssets,
  WebCsrf,
  WebExceptionFilter,
  WebGuard,
  WebPageInterceptor,
  WebRenderer,
  WebSession,
];

/** What every page controller's guard, interceptor and filter need, for all the page modules. */
@Global()
@Module({ imports: [IdentityModule], providers, exports: providers })
export class WebHttpModule {}

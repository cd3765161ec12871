import { Global, Module, type Provider } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module.js';
import { HTTP_PAGES, type HttpPages } from '../../platform/http/http-pages.js';
import { webRoutesOutsideApiPrefix } from '../web-paths.js';
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

/** The pages' part of the HTTP stack: their routes outside the API prefix, assets and 404 page. */
const httpPages: Provider = {
  provide: HTTP_PAGES,
  inject: [WebAssets, WebRenderer],
  useFactory: (assets: WebAssets, renderer: WebRenderer): HttpPages => ({
    routesOutsideApiPrefix: webRoutesOutsideApiPrefix(),
    assets: assets.all,
    sendNotFound: (response) => renderer.sendNotFound(response),
  }),
};

/** What every page controller's guard, interceptor and filter need, for all the page modules. */
@Global()
@Module({
  imports: [IdentityModule],
  providers: [...providers, httpPages],
  exports: [...providers, HTTP_PAGES],
})
export class WebHttpModule {}

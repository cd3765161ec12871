import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * On shutdown, answers in-flight and late requests with `Connection: close`, so their keep-alive
 * sockets close with the response instead of holding the server open until they time out.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  readonly middleware = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (this.draining) response.setHeader('Connection', 'close');
    this.inFlight.add(response);
    response.once('close', () => this.inFlight.delete(response));
    next();
  };

  beforeApplicationShutdown(): void {
    this.draining = true;
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
  }
}

@Module({ providers: [HttpDrain], exports: [HttpDrain] })
export class HttpDrainModule {}

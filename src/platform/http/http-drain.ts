import { Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * On shutdown, answers in-flight and late requests with `Connection: close`, so their keep-alive
 * sockets close with the response instead of holding the server open until they time out.
 * An `onSend` hook: every response not yet sent when the drain starts gets the header, with no
 * per-request bookkeeping before it.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private draining = false;

  readonly onSend = (
    _request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: null, payload: unknown) => void,
  ): void => {
    if (this.draining) reply.header('Connection', 'close');
    done(null, payload);
  };

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}

@Module({ providers: [HttpDrain], exports: [HttpDrain] })
export class HttpDrainModule {}

import {
  BadRequestException,
  HttpException,
  HttpStatus,
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { Observable } from 'rxjs';

/** The upload parser names a refused part after its message: "Unexpected file field - upload". */
const PART_SUFFIX = ' - ';

/**
 * A 400 for a multipart body, with the part it refused kept as the cause (`field`, when the
 * parser names one), so the problem names that part or `body` (exception-to-problem.ts). A
 * parser failure that is not an HTTP error is the body's fault too.
 */
function withRefusedPart(error: unknown): unknown {
  if (error instanceof HttpException && (error.getStatus() !== HttpStatus.BAD_REQUEST || error.cause)) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  const at = message.indexOf(PART_SUFFIX);
  const field = at > 0 ? message.slice(at + PART_SUFFIX.length) : undefined;
  const cause = Object.assign(new Error(message), field ? { field } : {});
  return new BadRequestException(message, { cause });
}

/**
 * Nest's FileInterceptor for Fastify (one file in `fieldName`, held in memory; the text fields in
 * the body), limits from the module's MultipartModule, its refusals naming the refused part.
 */
export function UploadInterceptor(fieldName: string): Type<NestInterceptor> {
  const Parser = FileInterceptor(fieldName);
  class NamedUploadInterceptor extends Parser {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (error) {
        throw withRefusedPart(error);
      }
    }
  }
  return mixin(NamedUploadInterceptor);
}

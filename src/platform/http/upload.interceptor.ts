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

/** A part header character HTTP allows (HTAB, visible ASCII and space, obs-text): what multer's parser accepted. */
const isHeaderCharacter = (code: number): boolean => code === 0x09 || (code >= 0x20 && code !== 0x7f);

/** The file's name came in a part header: one with a control character (a NUL, a line break) is malformed. */
function refuseMalformedFileName(request: { file?: { originalname?: unknown } }): void {
  const name = request.file?.originalname;
  if (typeof name !== 'string') return;
  for (let index = 0; index < name.length; index++) {
    if (!isHeaderCharacter(name.charCodeAt(index))) {
      const message = 'Multipart: Malformed part header';
      throw new BadRequestException(message, { cause: new Error(message) });
    }
  }
}

/**
 * Nest's FileInterceptor for Fastify (one file in `fieldName`, held in memory; the text fields in
 * the body), limits from the module's MultipartModule, its refusals naming the refused part. A file
 * name with a control character is refused as multer's parser refused it (@fastify/busboy keeps it,
 * and PostgreSQL cannot store a NUL).
 */
export function UploadInterceptor(fieldName: string): Type<NestInterceptor> {
  const Parser = FileInterceptor(fieldName);
  class NamedUploadInterceptor extends Parser {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      let handled: Observable<unknown>;
      try {
        handled = await super.intercept(context, next);
      } catch (error) {
        throw withRefusedPart(error);
      }
      // Parsed; the handler runs when the observable is subscribed, after this check.
      refuseMalformedFileName(context.switchToHttp().getRequest());
      return handled;
    }
  }
  return mixin(NamedUploadInterceptor);
}

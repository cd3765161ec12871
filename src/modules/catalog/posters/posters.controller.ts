import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RequireRole } from '../../../common/auth/index.js';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { ADMINS_ONLY, ApiProblem, NO_FILM } from '../../../common/openapi/problem-responses.js';
import { IMAGE_CONTENT_TYPES } from '../../../platform/http/body-parsing.js';
import { FILM_REFERENCE } from '../films/film-reference.param.js';
import { FilmPosters } from './film-posters.js';
import { UnusablePosterImage } from './poster-image.js';
import { PosterPutResponse, type Poster } from './poster.js';

/** Served files never change under their URL: a year, and "immutable" so browsers do not revalidate. */
const FOREVER = 'public, max-age=31536000, immutable';
const SERVED_KEY = /^posters\/([0-9a-f]{32})\.webp$/;

@ApiTags('catalogue')
@Controller()
export class PostersController {
  constructor(private readonly posters: FilmPosters) {}

  @RequireRole('admin')
  @Put('films/:idOrSlug/poster')
  @FILM_REFERENCE
  @ApiOperation({
    summary:
      'Set a film’s poster (admin): a JPEG, PNG or WebP up to 10 MB and 50 megapixels; served as WebP 150, 300 and 600 wide, without its metadata',
  })
  @ApiConsumes(...IMAGE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: PosterPutResponse })
  @ApiProblem(400, 'Not a readable JPEG, PNG or WebP picture, or over 50 megapixels (field body)')
  @ApiProblem(413, 'Over 10 MB')
  @ApiProblem(415, 'Another content type')
  @ADMINS_ONLY
  @NO_FILM
  async put(
    @Param('idOrSlug') reference: string,
    @Req() request: FastifyRequest,
  ): Promise<{ poster: Poster }> {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(IMAGE_CONTENT_TYPES as readonly string[]).includes(contentType) || !Buffer.isBuffer(request.body)) {
      throw new UnsupportedMediaTypeException(`A poster is sent as ${IMAGE_CONTENT_TYPES.join(', ')}.`);
    }
    try {
      return { poster: await this.posters.put(reference, request.body, contentType) };
    } catch (error) {
      if (error instanceof UnusablePosterImage) {
        throw new InvalidInputException([{ field: 'body', message: error.message }]);
      }
      throw error;
    }
  }

  @RequireRole('admin')
  @Delete('films/:idOrSlug/poster')
  @HttpCode(204)
  @FILM_REFERENCE
  @ApiOperation({ summary: 'Take a film’s poster away (admin); the film then has poster: null' })
  @ApiNoContentResponse({ description: 'Gone, or there was none' })
  @ADMINS_ONLY
  @NO_FILM
  async delete(@Param('idOrSlug') reference: string): Promise<void> {
    await this.posters.delete(reference);
  }

  @Public()
  @Get('images/posters/:file')
  @ApiParam({ name: 'file', example: '3f1c9a0b5e2d47a8b1c2d3e4f5a6b7c8.webp' })
  @ApiOperation({ summary: 'A poster variant (WebP); the URL names its content, so it is cached for good' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The picture' })
  @ApiProblem(404, 'Nothing is kept under that URL')
  async image(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const path = `posters/${file}`;
    const hash = SERVED_KEY.exec(path)?.[1];
    if (!hash) return reply.callNotFound();
    const etag = `"${hash}"`;
    // The URL names the content: a reader holding this ETag holds the file, if it is still kept.
    const revalidating = request.headers['if-none-match'] === etag;
    const bytes = revalidating ? null : await this.posters.image(path);
    if (revalidating ? !(await this.posters.hasImage(path)) : !bytes) return reply.callNotFound();
    void reply
      .header('Cache-Control', FOREVER)
      .header('ETag', etag)
      .header('X-Content-Type-Options', 'nosniff');
    if (revalidating) return reply.code(304).send();
    return reply.type('image/webp').send(bytes);
  }
}

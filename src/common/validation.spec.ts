import { NotFoundException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { InvalidInputException } from './invalid-input.exception.js';
import { createValidationPipe } from './validation.js';

class ListItemRequest {
  @IsInt()
  @Min(1)
  rank!: number;
}

class ListRequest {
  @IsString()
  title!: string;

  @ValidateNested({ each: true })
  @Type(() => ListItemRequest)
  items!: ListItemRequest[];
}

const validate = (body: unknown): Promise<unknown> =>
  createValidationPipe().transform(body, { type: 'body', metatype: ListRequest });

describe('the global validation pipe', () => {
  it('turns a valid body into the DTO class', async () => {
    const dto = await validate({ title: 'Top 10', items: [{ rank: 1 }] });

    expect(dto).toBeInstanceOf(ListRequest);
    expect((dto as ListRequest).items[0]).toBeInstanceOf(ListItemRequest);
  });

  it('names every bad field, nested ones by their path, and refuses unknown fields', async () => {
    const failure = await validate({ title: 7, items: [{ rank: 0 }], owner: 'x' }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(InvalidInputException);
    const fields = (failure as InvalidInputException).fieldErrors.map((error) => error.field);
    expect(fields.sort()).toEqual(['items.0.rank', 'owner', 'title']);
  });

  it('refuses text PostgreSQL cannot store and nesting past the limit, by field, before the DTO is built', async () => {
    const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    const fieldsOf = (body: unknown) =>
      validate(body).then(
        () => [],
        (error: InvalidInputException) => error.fieldErrors.map((fieldError) => fieldError.field).sort(),
      );

    expect(await fieldsOf({ title: 'a\u0000b', items: [{ rank: 1 }] })).toEqual(['title']);
    expect(await fieldsOf({ title: 'a\u0000b', items: [{ rank: 0 }] })).toEqual(['items.0.rank', 'title']);
    expect(await fieldsOf({ title: 'ok', items: [{ rank: 1, note: '\uD800' }] })).toEqual(['items.0.note']);
    expect(await fieldsOf({ title: deep, items: [] })).toEqual(['title']);
    expect(await fieldsOf(deep)).toEqual(['body']);
    expect(await fieldsOf({ title: 'Paired 🎬', items: [] })).toEqual([]);
  });

  it('answers a path segment holding NUL as naming nothing (404)', async () => {
    const segment = createValidationPipe().transform('a\u0000b', {
      type: 'param',
      metatype: String,
      data: 'idOrSlug',
    });

    await expect(segment).rejects.toBeInstanceOf(NotFoundException);
  });
});

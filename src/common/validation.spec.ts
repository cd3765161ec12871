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
});

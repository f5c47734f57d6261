import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toFieldErrors } from './validation';

class Marking {
  @IsString() text: string;
}

class Body {
  @IsInt() @Min(1) count: number;
  @ValidateNested({ each: true }) @Type(() => Marking) markings: Marking[];
}

describe('toFieldErrors', () => {
  it('names nested fields by their path', () => {
    const body = plainToInstance(Body, { count: 0, markings: [{ text: 'ok' }, { text: 7 }] });
    const errors = toFieldErrors(validateSync(body));
    expect(errors).toEqual([
      { field: 'count', messages: ['count must not be less than 1'] },
      { field: 'markings[1].text', messages: ['text must be a string'] },
    ]);
  });
});

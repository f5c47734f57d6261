import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, MaxLength, Min, ValidateIf, ValidateNested, validateSync } from 'class-validator';
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

  it('says a field left out is required, not every check it breaks; a condition that requires it keeps its own words', () => {
    class Roles {
      @IsArray() @ArrayMinSize(1) @ArrayUnique() roles: string[];
      @IsString() @MaxLength(20) name: string;
      @IsString() mode: string;
      @ValidateIf((o: Roles) => o.mode === 'delayed') @IsString({ message: 'expectedDate is required for a delayed answer' }) expectedDate?: string;
    }
    const errors = toFieldErrors(validateSync(plainToInstance(Roles, { name: 'x'.repeat(21), mode: 'delayed', nested: { roles: [] } }), { whitelist: true, forbidNonWhitelisted: true }));
    expect(errors).toHaveLength(4);
    expect(errors).toEqual(expect.arrayContaining([
      { field: 'roles', messages: ['roles is required'] },
      { field: 'name', messages: ['name must be shorter than or equal to 20 characters'] },
      { field: 'expectedDate', messages: ['expectedDate is required for a delayed answer'] },
      { field: 'nested', messages: ['property nested should not exist'] },
    ]));
    // A value that is there, even null, is judged by every check it breaks.
    expect(toFieldErrors(validateSync(plainToInstance(Roles, { roles: null, name: 'a', mode: 'm' })))[0].messages.length).toBeGreaterThan(1);
  });
});

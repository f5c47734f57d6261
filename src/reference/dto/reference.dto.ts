import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { Optional } from '../../common/http/optional';
import { PageQueryDto } from '../../common/http/pagination';
import { trim, upper } from '../../common/http/transforms';
import { referenceKey } from '../reference-key';

/** A name is matched by its letters and digits, Cyrillic and Greek spelled in Latin (referenceKey): one without any would match nothing. */
const Matchable = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'matchable',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || referenceKey(value) !== '',
        defaultMessage: (args) =>
          `${args?.property === 'aliases' ? 'aliases must each' : `${args?.property ?? 'name'} must`} hold a Latin, Cyrillic or Greek letter or a digit: names are matched by them, so give a name in another script in one of these (Norinco for 北方工业)`,
      },
    },
    options,
  );


export class ReferenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Free text matched against names and aliases (case, spaces and punctuation ignored)' })
  @Optional() @IsString() @MaxChars(200)
  q?: string;
}

export class WeaponTypeDto {
  @ApiProperty({ example: 'assault_rifle' }) code: string;
  @ApiProperty({ example: 'Assault rifle' }) name: string;
  @ApiProperty({ enum: ['small_arm', 'light_weapon'] }) category: string;
  @ApiProperty({ type: [String] }) aliases: string[];
}

export class CalibreDto {
  @ApiProperty({ example: '9x19mm' }) code: string;
  @ApiProperty({ example: '9×19 mm Parabellum' }) name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: Number, nullable: true }) diameterMm: number | null;
  @ApiProperty({ type: String, nullable: true }) kind: string | null;
  @ApiProperty({ description: 'Added by this State\'s registrars (not shipped)' }) addedByState: boolean;
}

export class ManufacturerDto {
  @ApiProperty({ example: 'fn-herstal' }) code: string;
  @ApiProperty({ example: 'FN Herstal' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'BEL' }) country: string | null;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [String] }) formerNames: string[];
  @ApiProperty() addedByState: boolean;
}

export class WeaponTypePageDto {
  @ApiProperty({ type: [WeaponTypeDto] }) items: WeaponTypeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CalibrePageDto {
  @ApiProperty({ type: [CalibreDto] }) items: CalibreDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ManufacturerPageDto {
  @ApiProperty({ type: [ManufacturerDto] }) items: ManufacturerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A registrar's addition: a new entry, or more aliases for a shipped one (give its code). */
export class AddReferenceDto {
  @ApiProperty({ example: 'acme-arms', description: 'New code, or the code of a shipped entry to extend' })
  @Matches(/^[a-z0-9.][a-z0-9.+-]{0,63}$/, { message: 'code must be 1 to 64 of a-z, 0-9, dot, plus or dash' })
  code: string;

  @ApiProperty({ example: 'Acme Arms Ltd', description: 'Matched by its letters and digits, Cyrillic and Greek spelled in Latin (case, accents and punctuation aside)' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200) @Matchable()
  name: string;

  @ApiProperty({ type: [String], example: ['Acme', 'AAL'], description: 'Each matched by its letters and digits, Cyrillic and Greek spelled in Latin: give a name in another script in one of these' })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxChars(200, { each: true }) @Matchable({ each: true })
  aliases: string[];
}

export class AddManufacturerDto extends AddReferenceDto {
  @ApiProperty({ example: 'FRA', description: 'ISO 3166 alpha-3 of the country of manufacture' })
  @Transform(upper) @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code' })
  country: string;
}

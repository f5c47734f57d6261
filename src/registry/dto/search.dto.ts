import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, Min } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { Optional } from '../../common/http/optional';
import { EARLIEST_MANUFACTURE_YEAR, WEAPON_STATUSES } from '../registry.constants';
import type { WeaponStatus } from '../registry.constants';
import { WeaponSummaryDto } from './weapon.response.dto';
import { trim, upper } from '../../common/http/transforms';


/** The filters of a search (POST /weapons/search) and of the list (GET /weapons). */
export class WeaponFiltersDto {
  @ApiPropertyOptional({ example: 'Fabrique Nationale', description: 'Matched through the reference aliases and former names' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  manufacturer?: string;

  @ApiPropertyOptional({ example: 'FNC' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  model?: string;

  @ApiPropertyOptional({ example: '.223 Rem', description: 'Matched through the reference aliases' })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(120)
  calibre?: string;

  @ApiPropertyOptional({ example: 'BEL', description: 'Country of manufacture' })
  @Optional() @Transform(upper) @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ example: 1980, description: 'Year of manufacture, from' }) @Optional() @IsInt() @Min(EARLIEST_MANUFACTURE_YEAR) @Max(2100)
  yearFrom?: number;

  @ApiPropertyOptional({ example: 1995, description: 'Year of manufacture, up to' }) @Optional() @IsInt() @Min(EARLIEST_MANUFACTURE_YEAR) @Max(2100)
  yearTo?: number;
}

export class SearchWeaponsDto extends WeaponFiltersDto {
  @ApiPropertyOptional({
    example: '1A2?45*',
    description: 'Serial as read. `?` = one unreadable character, `*` = any run of them; a pattern needs at least 3 readable characters in a row, or 2 at its start or end. Spaces, dashes (typographic ones too), dots, slashes and invisible characters (soft hyphen, zero-width space) are ignored; look-alikes (O/0, I/1/L, S/5, B/8, Z/2, G/6) match each other.',
  })
  @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(64)
  serial?: string;

  @ApiPropertyOptional({ enum: WEAPON_STATUSES, isArray: true })
  @Optional() @IsArray() @ArrayMaxSize(10) @IsIn(WEAPON_STATUSES, { each: true, message: `each of status must be one of ${WEAPON_STATUSES.join(', ')}` })
  status?: WeaponStatus[];

  @ApiPropertyOptional({ default: 20, maximum: 100 }) @Optional() @IsInt() @Min(1) @Max(100)
  limit?: number;
}

export class SearchHitDto {
  @ApiProperty({ type: WeaponSummaryDto }) weapon: WeaponSummaryDto;
  @ApiProperty({ example: 0.9, description: '1 = exact serial; lower for look-alike and partial matches' }) score: number;
  @ApiProperty({ type: [String], example: ['serial matches with look-alike characters (O read as 0)'] }) reasons: string[];
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty({ description: 'How the serial was read: exact, or a pattern', example: { kind: 'pattern', normalised: '1A2?45*' } })
  serialQuery: { kind: string; normalised: string } | null;
  @ApiProperty({
    description:
      'True when more serials of the registry fit the serial than a search reads (5,000): records that fit, and pass the filters, may be missing from the items. Give more of the serial.',
  })
  truncated: boolean;
}

export class RegistrySettingsDto {
  @ApiProperty({ example: { '8a': 'refuse', '8b': 'refuse', '8c': 'flag', '8d': 'flag', '9': 'flag' } })
  rulePolicies: Record<string, 'refuse' | 'flag'>;
}

export class UpdateRegistrySettingsDto {
  @ApiProperty({ example: { '8d': 'refuse' }, description: 'Per ITI rule (8a, 8b, 8c, 8d, 9): refuse a breach (422) or accept it and flag the record. 8(a) of a weapon imported and not made in the State is flagged under either' })
  @IsObject()
  rulePolicies: Record<string, 'refuse' | 'flag'>;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, Matches,
} from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { IsInstant } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { StateCodeParamDto } from './state.dto';
import { ContactPointEntity } from '../entities/contact-point.entity';
import { lower, trim } from '../../common/http/transforms';

export class CreateContactPointDto {
  @ApiProperty({ example: 'Bureau des armes' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  name: string;

  @ApiProperty({ example: 'Office central de lutte contre le crime organisé' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  agency: string;

  @ApiProperty({ example: 'npc@interieur.gouv.fr' })
  // Lower-cased before the checks, as stored: a lower case can be longer (İ is two characters).
  @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxChars(254)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+33 1 49 27 49 27' })
  @IsOptional() @Matches(/^\+?[0-9][0-9 ().-]{5,30}$/, { message: 'phone must be a telephone number (digits, spaces, + ( ) . -)' })
  phone?: string | null;

  @ApiPropertyOptional({ example: ['fr', 'en'], description: 'ISO 639-1 language codes' })
  @Optional() @IsArray() @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each of languages must be an ISO 639-1 code such as "fr"' })
  languages?: string[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: '2026-11-01T00:00:00Z', description: 'When the details were last confirmed' })
  @IsOptional() @IsInstant('verifiedAt')
  verifiedAt?: string | null;
}

export class UpdateContactPointDto {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  name?: string;

  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  agency?: string;

  @ApiPropertyOptional() @Optional() @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxChars(254)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional() @Matches(/^\+?[0-9][0-9 ().-]{5,30}$/, { message: 'phone must be a telephone number (digits, spaces, + ( ) . -)' })
  phone?: string | null;

  @ApiPropertyOptional({ example: ['fr', 'en'], description: 'ISO 639-1 language codes' })
  @Optional() @IsArray() @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each of languages must be an ISO 639-1 code such as "fr"' })
  languages?: string[];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null clears it' })
  @IsOptional() @IsInstant('verifiedAt')
  verifiedAt?: string | null;
}

export class ContactPointParamsDto extends StateCodeParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class ContactPointDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'FRA' }) stateCode: string;
  @ApiProperty() name: string;
  @ApiProperty() agency: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(entity: ContactPointEntity): ContactPointDto {
    return Object.assign(new ContactPointDto(), {
      id: entity.id,
      stateCode: entity.stateCode,
      name: entity.name,
      agency: entity.agency,
      email: entity.email,
      phone: entity.phone,
      languages: entity.languages,
      verifiedAt: entity.verifiedAt?.toISOString() ?? null,
      updatedAt: entity.updatedAt.toISOString(),
    });
  }
}

export class ContactPointPageDto {
  @ApiProperty({ type: [ContactPointDto] }) items: ContactPointDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

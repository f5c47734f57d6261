import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, Matches, ValidateNested, IsObject } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { IsCalendarDate } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { lower, trim, upper } from '../../common/http/transforms';
import { CLASSIFICATIONS } from '../../tracing/tracing.constants';

export class IdentityDocumentDto {
  @ApiProperty({ example: 'passport' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(60)
  type: string;

  @ApiProperty({ example: '12AB34567' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(60)
  number: string;

  @ApiPropertyOptional({ example: 'FRA' }) @Optional() @Transform(upper) @Matches(/^[A-Z]{3}$/, { message: 'issuingState must be an ISO 3166 alpha-3 code' })
  issuingState?: string;
}

export class CasePersonDto {
  @ApiProperty({ example: 'Jean Dupont' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  name: string;

  @ApiPropertyOptional({ example: '1980-04-12' }) @Optional() @IsCalendarDate('dateOfBirth')
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'suspect' }) @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(60)
  role?: string;

  @ApiPropertyOptional({ type: [IdentityDocumentDto] }) @Optional() @IsArray() @ArrayMaxSize(10)
  @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => IdentityDocumentDto)
  identityDocuments?: IdentityDocumentDto[];
}

export class CreateCaseDto {
  @ApiProperty({ example: 'PJ-2026-00412', description: 'The investigation\'s own reference' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(100)
  reference: string;

  @ApiProperty({ example: 'Armed robbery' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(300)
  offence: string;

  @ApiProperty({ example: 'Pistol seized at the arrest of the suspect…' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(20000)
  narrative: string;

  @ApiProperty({ type: [CasePersonDto] }) @IsArray() @ArrayMaxSize(50)
  @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CasePersonDto)
  persons: CasePersonDto[];

  @ApiProperty({ example: 'Marseille, quai du Port' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(300)
  placeOfRecovery: string;

  @ApiProperty({ example: 'Police judiciaire, Marseille' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  investigatingAgency: string;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS, default: 'confidential' })
  @Optional() @IsIn(CLASSIFICATIONS, { message: `classification must be one of ${CLASSIFICATIONS.join(', ')}` })
  classification?: string;
}

export class AddCaseMemberDto {
  @ApiProperty({ description: 'A user of your State holding the officer or npc role' }) @Transform(lower) @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class CaseIdParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CaseMemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() addedBy: string;
  @ApiProperty() addedAt: string;
}

export class CaseReadDto {
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
}

export class IdentityDocumentResponseDto {
  @ApiProperty() type: string;
  @ApiProperty() number: string;
  @ApiProperty({ type: String, nullable: true }) issuingState: string | null;
}

export class CasePersonResponseDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: [IdentityDocumentResponseDto] }) identityDocuments: IdentityDocumentResponseDto[];
}

export class CaseContentDto {
  @ApiProperty() reference: string;
  @ApiProperty() offence: string;
  @ApiProperty() narrative: string;
  @ApiProperty({ type: [CasePersonResponseDto] }) persons: CasePersonResponseDto[];
  @ApiProperty() placeOfRecovery: string;
  @ApiProperty() investigatingAgency: string;
}

export class CaseDto {
  @ApiProperty() id: string;
  @ApiProperty() stateCode: string;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [CaseMemberDto] }) members: CaseMemberDto[];
  @ApiProperty({ type: CaseContentDto, nullable: true, description: 'For members only' }) content: CaseContentDto | null;
  @ApiProperty({ type: [CaseReadDto], nullable: true, description: 'Who read the content, for auditors only: the latest 1,000 reads, oldest first' }) reads: CaseReadDto[] | null;
  @ApiProperty({
    type: Boolean, nullable: true,
    description: 'For auditors: there were reads before those listed (GET /audit/events?targetType=case&targetId=…&action=case.content_read lists them all)',
  })
  earlierReads: boolean | null;
}


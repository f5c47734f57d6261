import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, ValidateNested, IsObject } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { lower, trim } from '../../common/http/transforms';
import { ClosedCustodianEntity } from '../entities/closed-custodian.entity';
import { MarkingInputDto } from './weapon.dto';

export class AddMarkingsDto {
  @ApiProperty({ type: [MarkingInputDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MarkingInputDto)
  markings: MarkingInputDto[];
}

export class WeaponIdParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CustodyTransferResultDto {
  @ApiProperty({ example: 1200 }) transferred: number;
  @ApiProperty({ example: 'France (national registry)' }) custodian: string;
}

/** A company whose records passed to the State when it closed (ITI 13): no record names it as custodian afterwards. */
export class ClosedCustodianDto {
  @ApiProperty({ example: 'Acme Arms Ltd', description: 'As the first transfer of its records named it' }) name: string;
  @ApiProperty({ example: '2026-11-01' }) closedOn: string;
  @ApiProperty({ example: 'France (national registry)', description: 'Who keeps its records now' }) recordsCustodian: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;

  static from(c: ClosedCustodianEntity): ClosedCustodianDto {
    return Object.assign(new ClosedCustodianDto(), { name: c.name, closedOn: c.closedOn, recordsCustodian: c.recordsCustodian, recordedAt: c.createdAt.toISOString() });
  }
}

export class ClosedCustodianPageDto {
  @ApiProperty({ type: [ClosedCustodianDto] }) items: ClosedCustodianDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ClosedCustodianQueryDto {
  @ApiProperty({ example: 'Acme Arms Ltd', description: 'The company, as closed (case and surrounding white space aside)' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxChars(200)
  name: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { MarkingInputDto } from './weapon.dto';

export class AddMarkingsDto {
  @ApiProperty({ type: [MarkingInputDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => MarkingInputDto)
  markings: MarkingInputDto[];
}

export class WeaponIdParamDto {
  @ApiProperty() @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CustodyTransferResultDto {
  @ApiProperty({ example: 1200 }) transferred: number;
  @ApiProperty({ example: 'France (national registry)' }) custodian: string;
}

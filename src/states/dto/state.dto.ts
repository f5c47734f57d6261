import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { StateEntity } from '../entities/state.entity';

export class StateDto {
  @ApiProperty({ example: 'FRA', description: 'ISO 3166-1 alpha-3 (or ISO 3166-3 for former States)' }) code: string;
  @ApiProperty({ example: 'FR' }) alpha2: string;
  @ApiProperty({ example: '250' }) numericCode: string;
  @ApiProperty({ example: 'France' }) name: string;
  @ApiProperty({ description: 'A former State (USSR, Yugoslavia, Czechoslovakia, GDR)' }) former: boolean;
  @ApiProperty({ description: 'Its users and registry live on this node' }) hosted: boolean;

  static from(state: StateEntity): StateDto {
    return Object.assign(new StateDto(), {
      code: state.code,
      alpha2: state.alpha2,
      numericCode: state.numericCode,
      name: state.name,
      former: state.former,
      hosted: state.hostedSince !== null,
    });
  }
}

export class StatePageDto {
  @ApiProperty({ type: [StateDto] }) items: StateDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListStatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only States hosted (true) or not hosted (false) on this node' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  hosted?: boolean;
}

export class StateCodeParamDto {
  @ApiProperty({ example: 'FRA' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'code must be an ISO 3166 alpha-3 code (three letters)' })
  code: string;
}

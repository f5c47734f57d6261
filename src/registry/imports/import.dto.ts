import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../common/http/optional';
import { Page, PageQueryDto } from '../../common/http/pagination';
import { IMPORT_STATUSES, ImportRejectionEntity, WeaponImportEntity } from './weapon-import.entity';
import type { ImportStatus } from './weapon-import.entity';

export class ImportRejectionDto {
  @ApiProperty({ example: 14, description: 'Line of the file (the header is line 1; 0 = the whole file)' }) line: number;
  @ApiProperty({ example: 'occurred_on' }) column: string;
  @ApiProperty({ example: 'DATE_INVALID' }) code: string;
  @ApiProperty({ example: 'occurred_on must be a date, YYYY-MM-DD' }) message: string;

  static from(r: ImportRejectionEntity): ImportRejectionDto {
    return { line: r.line, column: r.column, code: r.code, message: r.message };
  }
}

export class ImportRejectionPageDto {
  @ApiProperty({ type: [ImportRejectionDto] }) items: ImportRejectionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** One import as a list shows it: its figures, without the rejections of its rows. */
export class WeaponImportSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IMPORT_STATUSES, description: 'failed: an unexpected error; nothing of the file landed' }) status: ImportStatus;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the file; a file that landed, sent again, is the same import (a rejected one is checked again)' }) contentSha256: string | null;
  @ApiProperty() bytesReceived: number;
  @ApiProperty() totalRows: number;
  @ApiProperty() acceptedRows: number;
  @ApiProperty({ description: 'Rows with at least one rejection' }) rejectedRows: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;

  static from(i: WeaponImportEntity): WeaponImportSummaryDto {
    return Object.assign(new WeaponImportSummaryDto(), WeaponImportSummaryDto.fields(i));
  }

  protected static fields(i: WeaponImportEntity): WeaponImportSummaryDto {
    return {
      id: i.id, status: i.status, contentSha256: i.contentSha256, bytesReceived: Number(i.bytesReceived), totalRows: i.totalRows,
      acceptedRows: i.acceptedRows, rejectedRows: i.rejectedRows, createdAt: i.createdAt.toISOString(), finishedAt: i.finishedAt?.toISOString() ?? null,
    };
  }
}

export class WeaponImportPageDto {
  @ApiProperty({ type: [WeaponImportSummaryDto] }) items: WeaponImportSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** `GET /weapons/imports`: the State's imports, newest first, of one status if asked. */
export class ListImportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_STATUSES }) @Optional() @IsIn(IMPORT_STATUSES, { message: `status must be one of ${IMPORT_STATUSES.join(', ')}` })
  status?: ImportStatus;
}

export class WeaponImportDto extends WeaponImportSummaryDto {
  @ApiProperty({ description: 'True when this file landed before and this answer is that import' }) replayed: boolean;
  @ApiProperty({ type: ImportRejectionPageDto, description: 'Why rows were refused, by line (paginated with ?limit=&cursor=)' }) rejections: ImportRejectionPageDto;

  static fromImport(i: WeaponImportEntity, rejections: Page<ImportRejectionEntity>, replayed = false): WeaponImportDto {
    return Object.assign(new WeaponImportDto(), WeaponImportSummaryDto.fields(i), {
      replayed,
      rejections: { items: rejections.items.map(ImportRejectionDto.from), nextCursor: rejections.nextCursor },
    });
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { Page } from '../../common/http/pagination';
import { ImportRejectionEntity, WeaponImportEntity } from './weapon-import.entity';

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

export class WeaponImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['receiving', 'validating', 'merging', 'completed', 'rejected', 'failed'], description: 'failed: an unexpected error; nothing of the file landed' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the file; a file that landed, sent again, is the same import (a rejected one is checked again)' }) contentSha256: string | null;
  @ApiProperty() bytesReceived: number;
  @ApiProperty() totalRows: number;
  @ApiProperty() acceptedRows: number;
  @ApiProperty({ description: 'Rows with at least one rejection' }) rejectedRows: number;
  @ApiProperty({ description: 'True when this file landed before and this answer is that import' }) replayed: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: ImportRejectionPageDto, description: 'Why rows were refused, by line (paginated with ?limit=&cursor=)' }) rejections: ImportRejectionPageDto;

  static from(i: WeaponImportEntity, rejections: Page<ImportRejectionEntity>, replayed = false): WeaponImportDto {
    return Object.assign(new WeaponImportDto(), {
      id: i.id, status: i.status, contentSha256: i.contentSha256, bytesReceived: Number(i.bytesReceived), totalRows: i.totalRows,
      acceptedRows: i.acceptedRows, rejectedRows: i.rejectedRows, replayed, createdAt: i.createdAt.toISOString(),
      finishedAt: i.finishedAt?.toISOString() ?? null,
      rejections: { items: rejections.items.map(ImportRejectionDto.from), nextCursor: rejections.nextCursor },
    });
  }
}

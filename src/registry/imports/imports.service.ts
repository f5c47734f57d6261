import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { Clock } from '../../common/clock';
import { AppError, ConflictError, NotFoundError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { mapPage, Page, PageQueryDto } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { DEFAULT_RULE_POLICIES, RuleId } from '../marking-rules';
import { WeaponsRepository } from '../weapons.repository';
import { RecordLines, withoutByteOrderMark } from './import-format';
import { ListImportsQueryDto, WeaponImportDto, WeaponImportSummaryDto } from './import.dto';
import { ImportContext, ImportsRepository } from './imports.repository';
import { WeaponImportEntity } from './weapon-import.entity';

export interface Importer {
  stateCode: string;
  userId: string | null;
  /** Whether the file is held to IMPORT_MAX_MB: one sent over HTTP is; one the CLI reads on the node itself is not. */
  limited?: boolean;
}

const PROGRESS_INTERVAL_MS = 1000;
const FIRST_PAGE = { limit: 100 } as PageQueryDto;

/**
 * CSV imports into the registry (docs/import-format.md): streamed with COPY into a staging table,
 * checked in SQL, merged in the caller's transaction — every accepted row lands, or none does.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly imports: ImportsRepository,
    private readonly weapons: WeaponsRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Imports running in this process now. */
  private running = 0;

  /**
   * Imports that may run at once in this process: each holds its request's connection for its whole length
   * and briefly takes a second one for its progress, so they get at most a third of the pool, and other
   * requests the rest. The pool would otherwise run dry and every request wait for ever.
   */
  private get maxRunning(): number {
    return Math.max(1, Math.floor(this.config.DATABASE_POOL_SIZE / 3));
  }

  /** Runs inside the caller's State-scoped transaction; progress is committed separately as it goes. */
  async importCsv(importer: Importer, source: Readable, onProgress?: (bytes: number) => void): Promise<WeaponImportDto> {
    const { stateCode } = importer;
    if (this.running >= this.maxRunning) {
      throw new AppError(503, 'IMPORTS_BUSY', `This server is already running ${this.running} imports, its most at once; send the file again when one has finished`);
    }
    this.running += 1;
    try {
      const created = await this.db.separately(stateCode, () => this.imports.create(stateCode, importer.userId));
      const ending = { sameFileRunning: false };
      // If the caller's transaction does not commit (a failure here, or at its commit), the work rolls back
      // with it, and the import's own row, committed apart, then says that it failed; one that found the same
      // file being imported (409) did not fail, and leaves no row, as a replay leaves none.
      this.db.afterRollback(() =>
        this.db.inState(stateCode, () => (ending.sameFileRunning ? this.imports.delete(stateCode, created.id) : this.imports.markFailed(stateCode, created.id, this.clock.now()))),
      );
      await this.imports.holdWhileRunning(created.id);
      return await this.run(importer, created, source, ending, onProgress);
    } finally {
      this.running -= 1;
    }
  }

  private async run(importer: Importer, created: WeaponImportEntity, source: Readable, ending: { sameFileRunning: boolean }, onProgress?: (bytes: number) => void): Promise<WeaponImportDto> {
    const { stateCode } = importer;
    const progress = new ProgressWriter((changes) => this.db.separately(stateCode, () => this.imports.update(stateCode, created.id, changes)));
    const hash = createHash('sha256');
    const lines = new RecordLines();
    let bytes = 0;
    const maxBytes = importer.limited ? this.config.IMPORT_MAX_MB * 1024 * 1024 : Infinity;
    let tooLarge = false;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        // Past the limit, the rest of the file is read and dropped: the client that sends it gets the answer.
        if (tooLarge || bytes + chunk.length > maxBytes) {
          tooLarge = true;
          return done();
        }
        hash.update(chunk);
        lines.feed(chunk);
        bytes += chunk.length;
        onProgress?.(bytes);
        progress.offer({ bytesReceived: String(bytes) });
        done(null, chunk);
      },
    });

    let totalRows = 0;
    let fileError: { line: number; column: string; code: string; message: string } | null = null;
    try {
      totalRows = await this.imports.copyIntoStaging(source, [meter, withoutByteOrderMark()]);
      if (totalRows === 0) fileError = { line: 0, column: '', code: 'EMPTY_FILE', message: 'The file has a header but no rows' };
    } catch (error) {
      // The unread rest: a request's is read and dropped, so that its sender gets the answer; a file on the node is left unread.
      if (!source.destroyed) {
        if (importer.limited) source.resume();
        else source.destroy();
      }
      // Only what PostgreSQL said of the file's content; the rest (the client gone, the server failing) fails the import.
      fileError = copyError(error);
    }
    // COPY ends the data at a line holding only \. (before PostgreSQL 18, silently): rows after it would be dropped.
    const endOfData = lines.endOfDataLine;
    if (endOfData !== null && !tooLarge && (!fileError || fileError.code === 'EMPTY_FILE' || (fileError.code === 'CSV_INVALID' && fileError.line >= endOfData))) {
      fileError = { line: endOfData, column: '', code: 'CSV_INVALID', message: `Line ${endOfData} holds only \\., which ends the data for PostgreSQL's COPY: quote it ("\\.") if it is a value, or remove the line` };
    }
    // Not a line to read, header included: the file is empty, whatever the reading of its missing header said.
    if (bytes === 0 && !tooLarge && (!fileError || fileError.code === 'CSV_HEADER_INVALID')) {
      fileError = { line: 0, column: '', code: 'EMPTY_FILE', message: 'The file is empty: no header and no rows' };
    }
    // What reached the staging table was cut off at the limit, wherever that fell: the file is rejected whole.
    if (tooLarge) fileError = fileTooLarge(maxBytes);
    await progress.flush();
    // A file that is not even valid CSV gets no content hash: it is reported, never replayed.
    const contentSha256 = fileError && fileError.code !== 'EMPTY_FILE' ? null : hash.digest('hex');

    // A file that landed is replayed. One that was rejected is checked again: the reference data or the
    // State's rule settings may have changed since, and nothing of it landed.
    const earlier = contentSha256 ? await this.imports.findCompletedByContent(stateCode, contentSha256) : null;
    if (earlier) {
      await this.db.separately(stateCode, () => this.imports.delete(stateCode, created.id));
      return this.describe(earlier, FIRST_PAGE, true);
    }
    const context = await this.context(importer, created.id);
    const finish = async (changes: Partial<WeaponImportEntity>) => {
      await progress.flush();
      try {
        await this.imports.update(stateCode, created.id, { contentSha256, bytesReceived: String(bytes), totalRows, finishedAt: this.clock.now(), ...changes });
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_weapon_imports_content')) {
          ending.sameFileRunning = true;
          throw new ConflictError('IMPORT_IN_PROGRESS', 'The same file is being imported right now; try again when it has finished');
        }
        throw error;
      }
    };

    if (fileError) {
      await this.imports.reject(stateCode, created.id, fileError.line, fileError.column, fileError.code, fileError.message);
      await finish({ status: 'rejected', rejectedRows: totalRows || 1 });
    } else {
      progress.offer({ status: 'validating', totalRows }, true);
      // No company closes while rows naming it are checked and merged (ITI 13).
      if (await this.imports.namesCustodian()) await this.weapons.lockCustody(stateCode, 'shared');
      await this.imports.prepareRows(lines);
      const rejectedRows = await this.imports.validate(context);
      if (rejectedRows > 0) {
        await finish({ status: 'rejected', rejectedRows });
      } else {
        progress.offer({ status: 'merging' }, true);
        const acceptedRows = await this.imports.merge(context);
        await finish({ status: 'completed', acceptedRows });
      }
    }
    const done = await this.imports.find(stateCode, created.id);
    return this.describe(done!, FIRST_PAGE);
  }

  /** The State's imports, newest first. */
  async list(stateCode: string, query: ListImportsQueryDto): Promise<Page<WeaponImportSummaryDto>> {
    return mapPage(await this.imports.list(stateCode, query.status ?? null, query), WeaponImportSummaryDto.from);
  }

  async get(stateCode: string, id: string, page: PageQueryDto): Promise<WeaponImportDto> {
    const found = await this.imports.find(stateCode, id);
    if (!found) throw new NotFoundError('Import', 'IMPORT_NOT_FOUND');
    return this.describe(found, page);
  }

  private async describe(entity: WeaponImportEntity, page: PageQueryDto, replayed = false): Promise<WeaponImportDto> {
    return WeaponImportDto.fromImport(entity, await this.imports.rejections(entity.stateCode, entity.id, page), replayed);
  }

  private async context(importer: Importer, importId: string): Promise<ImportContext> {
    const settings = await this.weapons.settings(importer.stateCode);
    const policies = { ...DEFAULT_RULE_POLICIES, ...(settings?.rulePolicies ?? {}) };
    // Dates and years up to those where the day is furthest ahead (UTC+14), as the API takes them.
    const today = this.clock.latestToday();
    return {
      stateCode: importer.stateCode,
      importId,
      userId: importer.userId,
      today,
      thisYear: Number(today.slice(0, 4)),
      refuse: Object.fromEntries(Object.entries(policies).map(([rule, policy]) => [rule, policy === 'refuse'])) as Record<RuleId, boolean>,
      retentionYears: { manufacture: this.config.RETENTION_MANUFACTURE_YEARS, other: this.config.RETENTION_OTHER_YEARS },
    };
  }
}

/** Writes progress at most once a second, one write at a time, so that readers see it move. */
class ProgressWriter {
  private pending: Partial<WeaponImportEntity> = {};
  private chain: Promise<void> = Promise.resolve();
  private last = 0;

  constructor(private readonly write: (changes: Partial<WeaponImportEntity>) => Promise<void>) {}

  offer(changes: Partial<WeaponImportEntity>, now = false): void {
    Object.assign(this.pending, changes);
    if (now || Date.now() - this.last >= PROGRESS_INTERVAL_MS) this.push();
  }

  async flush(): Promise<void> {
    this.push();
    await this.chain;
  }

  private push(): void {
    if (Object.keys(this.pending).length === 0) return;
    const changes = this.pending;
    this.pending = {};
    this.last = Date.now();
    this.chain = this.chain.then(() => this.write(changes)).catch(() => undefined);
  }
}

/** A file larger than IMPORT_MAX_MB, as a rejection of the file. */
function fileTooLarge(maxBytes: number): { line: number; column: string; code: string; message: string } {
  return { line: 0, column: '', code: 'FILE_TOO_LARGE', message: `The file is larger than ${maxBytes / 1024 / 1024} MB, the most an import over HTTP takes (IMPORT_MAX_MB): split it, or import it with the CLI` };
}

/**
 * PostgreSQL's COPY error about the file's content, as a rejection of the file: "COPY import_staging, line 7,
 * column year_of_manufacture: ..." (SQLSTATE class 22, data exception: a malformed row or header, invalid UTF-8;
 * 54000, a field too large). Anything else is no fault of the file (the client gone mid-file, the server
 * failing): it is thrown again, and the import fails.
 */
function copyError(error: unknown): { line: number; column: string; code: string; message: string } {
  const pg = error as { message?: string; where?: string; code?: string };
  if (typeof pg.code !== 'string' || !(pg.code.startsWith('22') || pg.code === '54000')) throw error;
  const where = pg.where ?? '';
  const line = Number(/line (\d+)/.exec(where)?.[1] ?? 0);
  const column = /column (\w+)/.exec(where)?.[1] ?? '';
  const header = /header/i.test(pg.message ?? '');
  return {
    line: header ? 1 : line,
    column,
    code: header ? 'CSV_HEADER_INVALID' : pg.code === '22021' ? 'ENCODING_INVALID' : 'CSV_INVALID',
    message: pg.message ?? 'The file is not valid CSV',
  };
}

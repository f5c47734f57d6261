"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ImportsService = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const node_stream_1 = require("node:stream");
const clock_1 = require("../../common/clock");
const app_error_1 = require("../../common/errors/app-error");
const database_errors_1 = require("../../common/errors/database-errors");
const pagination_1 = require("../../common/http/pagination");
const app_config_1 = require("../../config/app-config");
const db_1 = require("../../database/db");
const marking_rules_1 = require("../marking-rules");
const weapons_repository_1 = require("../weapons.repository");
const import_format_1 = require("./import-format");
const import_dto_1 = require("./import.dto");
const imports_repository_1 = require("./imports.repository");
const PROGRESS_INTERVAL_MS = 1000;
const FIRST_PAGE = { limit: 100 };
/**
 * CSV imports into the registry (docs/import-format.md): streamed with COPY into a staging table,
 * checked in SQL, merged in the caller's transaction — every accepted row lands, or none does.
 */
let ImportsService = class ImportsService {
    constructor(db, imports, weapons, clock, config) {
        this.db = db;
        this.imports = imports;
        this.weapons = weapons;
        this.clock = clock;
        this.config = config;
        /** Imports running in this process now. */
        this.running = 0;
    }
    /**
     * Imports that may run at once in this process: each holds its request's connection for its whole length
     * and briefly takes a second one for its progress, so they get at most a third of the pool, and other
     * requests the rest. The pool would otherwise run dry and every request wait for ever.
     */
    get maxRunning() {
        return Math.max(1, Math.floor(this.config.DATABASE_POOL_SIZE / 3));
    }
    /** Runs inside the caller's State-scoped transaction; progress is committed separately as it goes. */
    async importCsv(importer, source, onProgress) {
        const { stateCode } = importer;
        if (this.running >= this.maxRunning) {
            throw new app_error_1.AppError(503, 'IMPORTS_BUSY', `This server is already running ${this.running} imports, its most at once; send the file again when one has finished`);
        }
        this.running += 1;
        try {
            const created = await this.db.separately(stateCode, () => this.imports.create(stateCode, importer.userId));
            // If the caller's transaction does not commit (a failure here, or at its commit), the work rolls back
            // with it, and the import's own row, committed apart, then says that it failed.
            this.db.afterRollback(() => this.db.inState(stateCode, () => this.imports.markFailed(stateCode, created.id, this.clock.now())));
            return await this.run(importer, created, source, onProgress);
        }
        finally {
            this.running -= 1;
        }
    }
    async run(importer, created, source, onProgress) {
        const { stateCode } = importer;
        const progress = new ProgressWriter((changes) => this.db.separately(stateCode, () => this.imports.update(stateCode, created.id, changes)));
        const hash = (0, node_crypto_1.createHash)('sha256');
        const lines = new import_format_1.RecordLines();
        let bytes = 0;
        const maxBytes = importer.limited ? this.config.IMPORT_MAX_MB * 1024 * 1024 : Infinity;
        let tooLarge = false;
        const meter = new node_stream_1.Transform({
            transform(chunk, _encoding, done) {
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
        let fileError = null;
        try {
            totalRows = await this.imports.copyIntoStaging(source, [meter, (0, import_format_1.withoutByteOrderMark)()]);
            if (totalRows === 0)
                fileError = { line: 0, column: '', code: 'EMPTY_FILE', message: 'The file has a header but no rows' };
        }
        catch (error) {
            fileError = copyError(error);
            if (!source.destroyed)
                source.resume(); // discard the unread rest
        }
        // Not a line to read, header included: the file is empty, whatever the reading of its missing header said.
        if (bytes === 0 && !tooLarge && (!fileError || fileError.code === 'CSV_HEADER_INVALID')) {
            fileError = { line: 0, column: '', code: 'EMPTY_FILE', message: 'The file is empty: no header and no rows' };
        }
        // What reached the staging table was cut off at the limit, wherever that fell: the file is rejected whole.
        if (tooLarge)
            fileError = fileTooLarge(maxBytes);
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
        const finish = async (changes) => {
            await progress.flush();
            try {
                await this.imports.update(stateCode, created.id, { contentSha256, bytesReceived: String(bytes), totalRows, finishedAt: this.clock.now(), ...changes });
            }
            catch (error) {
                if ((0, database_errors_1.isUniqueViolation)(error, 'UQ_weapon_imports_content'))
                    throw new app_error_1.ConflictError('IMPORT_IN_PROGRESS', 'The same file is being imported right now; try again when it has finished');
                throw error;
            }
        };
        if (fileError) {
            await this.imports.reject(stateCode, created.id, fileError.line, fileError.column, fileError.code, fileError.message);
            await finish({ status: 'rejected', rejectedRows: totalRows || 1 });
        }
        else {
            progress.offer({ status: 'validating', totalRows }, true);
            // No company closes while rows naming it are checked and merged (ITI 13).
            if (await this.imports.namesCustodian())
                await this.weapons.lockCustody(stateCode, 'shared');
            await this.imports.prepareRows(lines);
            const rejectedRows = await this.imports.validate(context);
            if (rejectedRows > 0) {
                await finish({ status: 'rejected', rejectedRows });
            }
            else {
                progress.offer({ status: 'merging' }, true);
                const acceptedRows = await this.imports.merge(context);
                await finish({ status: 'completed', acceptedRows });
            }
        }
        const done = await this.imports.find(stateCode, created.id);
        return this.describe(done, FIRST_PAGE);
    }
    /** The State's imports, newest first. */
    async list(stateCode, query) {
        return (0, pagination_1.mapPage)(await this.imports.list(stateCode, query.status ?? null, query), import_dto_1.WeaponImportSummaryDto.from);
    }
    async get(stateCode, id, page) {
        const found = await this.imports.find(stateCode, id);
        if (!found)
            throw new app_error_1.NotFoundError('Import', 'IMPORT_NOT_FOUND');
        return this.describe(found, page);
    }
    async describe(entity, page, replayed = false) {
        return import_dto_1.WeaponImportDto.fromImport(entity, await this.imports.rejections(entity.stateCode, entity.id, page), replayed);
    }
    async context(importer, importId) {
        const settings = await this.weapons.settings(importer.stateCode);
        const policies = { ...marking_rules_1.DEFAULT_RULE_POLICIES, ...(settings?.rulePolicies ?? {}) };
        // Dates and years up to those where the day is furthest ahead (UTC+14), as the API takes them.
        const today = this.clock.latestToday();
        return {
            stateCode: importer.stateCode,
            importId,
            userId: importer.userId,
            today,
            thisYear: Number(today.slice(0, 4)),
            refuse: Object.fromEntries(Object.entries(policies).map(([rule, policy]) => [rule, policy === 'refuse'])),
            retentionYears: { manufacture: this.config.RETENTION_MANUFACTURE_YEARS, other: this.config.RETENTION_OTHER_YEARS },
        };
    }
};
exports.ImportsService = ImportsService;
exports.ImportsService = ImportsService = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [db_1.Db,
        imports_repository_1.ImportsRepository,
        weapons_repository_1.WeaponsRepository,
        clock_1.Clock,
        app_config_1.AppConfig])
], ImportsService);
/** Writes progress at most once a second, one write at a time, so that readers see it move. */
class ProgressWriter {
    constructor(write) {
        this.write = write;
        this.pending = {};
        this.chain = Promise.resolve();
        this.last = 0;
    }
    offer(changes, now = false) {
        Object.assign(this.pending, changes);
        if (now || Date.now() - this.last >= PROGRESS_INTERVAL_MS)
            this.push();
    }
    async flush() {
        this.push();
        await this.chain;
    }
    push() {
        if (Object.keys(this.pending).length === 0)
            return;
        const changes = this.pending;
        this.pending = {};
        this.last = Date.now();
        this.chain = this.chain.then(() => this.write(changes)).catch(() => undefined);
    }
}
/** A file larger than IMPORT_MAX_MB, as a rejection of the file. */
function fileTooLarge(maxBytes) {
    return { line: 0, column: '', code: 'FILE_TOO_LARGE', message: `The file is larger than ${maxBytes / 1024 / 1024} MB, the most an import over HTTP takes (IMPORT_MAX_MB): split it, or import it with the CLI` };
}
/** PostgreSQL's COPY error, as a rejection of the file: "COPY import_staging, line 7, column year_of_manufacture: ..." */
function copyError(error) {
    const pg = error;
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
//# sourceMappingURL=imports.service.js.map
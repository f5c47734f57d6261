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
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordEventsRepository = void 0;
exports.nextWriteTimeSql = nextWriteTimeSql;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const db_1 = require("../database/db");
const record_event_entity_1 = require("./entities/record-event.entity");
let RecordEventsRepository = class RecordEventsRepository {
    constructor(db) {
        this.db = db;
    }
    async insert(event) {
        const repository = this.db.repository(record_event_entity_1.RecordEventEntity);
        return repository.save(repository.create(event));
    }
    /**
     * When the next event of a weapon is written: now on the database's clock, and at least a millisecond
     * after its latest event (the clock may step back), to the millisecond, as the history is ordered.
     * Meaningful under the weapon's lock.
     */
    async nextWriteTime(stateCode, weaponId) {
        const [row] = await this.db.manager.query(`SELECT ${nextWriteTimeSql('$1', '$2')} AS at`, [stateCode, weaponId]);
        return row.at;
    }
    historyOf(stateCode, weaponId) {
        return this.db.repository(record_event_entity_1.RecordEventEntity).find({ where: { stateCode, weaponId }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
    }
    /** The histories of several weapons in one query, each in the order of historyOf. */
    historiesOf(stateCode, weaponIds) {
        if (weaponIds.length === 0)
            return Promise.resolve([]);
        return this.db.repository(record_event_entity_1.RecordEventEntity).find({ where: { stateCode, weaponId: (0, typeorm_1.In)(weaponIds) }, order: { occurredOn: 'ASC', recordedAt: 'ASC' } });
    }
    find(stateCode, weaponId, id) {
        return this.db.repository(record_event_entity_1.RecordEventEntity).findOneBy({ stateCode, weaponId, id });
    }
    /** The latest retain-until date of a weapon's history, or null when it has none. */
    async retainUntil(stateCode, weaponId) {
        const row = await this.db
            .repository(record_event_entity_1.RecordEventEntity)
            .createQueryBuilder('e')
            .select('max(e.retain_until)::text', 'until')
            .where('e.state_code = :stateCode AND e.weapon_id = :weaponId', { stateCode, weaponId })
            .getRawOne();
        return row?.until ?? null;
    }
    async deleteHistory(stateCode, weaponId) {
        await this.db.repository(record_event_entity_1.RecordEventEntity).delete({ stateCode, weaponId });
    }
};
exports.RecordEventsRepository = RecordEventsRepository;
exports.RecordEventsRepository = RecordEventsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db])
], RecordEventsRepository);
/**
 * SQL for the time the next event of a weapon is written (RecordEventsRepository.nextWriteTime), for the
 * weapon named by the SQL expressions `stateCode` and `weaponId`.
 */
function nextWriteTimeSql(stateCode, weaponId) {
    return `date_trunc('milliseconds', greatest(clock_timestamp(),
    (SELECT date_trunc('milliseconds', max(e.recorded_at)) + interval '1 millisecond' FROM record_events e WHERE e.state_code = ${stateCode} AND e.weapon_id = ${weaponId})))`;
}
//# sourceMappingURL=record-events.repository.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InformationDue1795488000000 = void 0;
/**
 * The day the requester owes the information the requested State asked for (on the requester's copy), so that
 * the deadline job reminds the requester as it reminds the requested State of its own deadlines.
 */
class InformationDue1795488000000 {
    constructor() {
        this.name = 'InformationDue1795488000000';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "traces" ADD "information_due_at" TIMESTAMP WITH TIME ZONE');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "traces" DROP COLUMN "information_due_at"');
    }
}
exports.InformationDue1795488000000 = InformationDue1795488000000;
//# sourceMappingURL=1795488000000-InformationDue.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hopOf = hopOf;
/** The hop a copy makes in its chain (a new copy, alone in its chain). */
function hopOf(t) {
    return {
        id: t.id, requestedState: t.requestedState, status: t.status, outcome: t.answer?.outcome ?? null, nextState: t.answer?.nextState ?? null,
        sentAt: t.sentAt ?? null, answeredAt: t.answeredAt ?? null, closeReason: t.closeReason ?? null,
    };
}
//# sourceMappingURL=trace-view.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChainOrder1795482000000 = void 0;
/** trace_view() as migration RequestPathFunctions wrote it, the hops of one depth in the order given. */
function traceView(hopOrder) {
    return `
      CREATE OR REPLACE FUNCTION trace_view(p_state char(3), p_id uuid)
      RETURNS TABLE (id uuid, requested_state text, status text, outcome text, next_state text, sent_at timestamptz,
                     answered_at timestamptz, close_reason text, photos json)
      LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
        WITH RECURSIVE up AS (
               SELECT t.id, t.parent_id, 0 AS depth FROM traces t WHERE t.state_code = p_state AND t.id = p_id
               UNION ALL SELECT t.id, t.parent_id, up.depth + 1 FROM traces t JOIN up ON t.id = up.parent_id AND t.state_code = p_state WHERE up.depth < 50
             ), root AS (SELECT up.id FROM up ORDER BY up.depth DESC LIMIT 1),
             down AS (
               SELECT root.id, 0 AS depth FROM root
               UNION ALL SELECT t.id, down.depth + 1 FROM traces t JOIN down ON t.parent_id = down.id AND t.state_code = p_state WHERE down.depth < 50
             )
        SELECT t.id, t.requested_state::text, t.status::text, t.answer->>'outcome', t.answer->>'nextState', t.sent_at, t.answered_at, t.close_reason::text,
               CASE WHEN t.id = p_id THEN (
                 SELECT coalesce(json_agg(json_build_object('id', p.id, 'component', p.component, 'caption', p.caption, 'mediaType', p.media_type,
                                                            'size', p.size, 'sha256', p.sha256) ORDER BY p.position), '[]'::json)
                   FROM trace_photos p WHERE p.state_code = p_state AND p.trace_id = p_id) END
          FROM down JOIN traces t ON t.state_code = p_state AND t.id = down.id
         ORDER BY ${hopOrder};
      END
      $$`;
}
/** The follow-ups of one trace (several next States asked) are shown in the chain in the order they were opened. */
class ChainOrder1795482000000 {
    constructor() {
        this.name = 'ChainOrder1795482000000';
    }
    async up(queryRunner) {
        await queryRunner.query(traceView('down.depth, t.created_at, t.id'));
    }
    async down(queryRunner) {
        await queryRunner.query(traceView('down.depth, t.id'));
    }
}
exports.ChainOrder1795482000000 = ChainOrder1795482000000;
//# sourceMappingURL=1795482000000-ChainOrder.js.map
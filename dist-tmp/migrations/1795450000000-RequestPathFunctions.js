"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestPathFunctions1795450000000 = void 0;
/**
 * Two statements of every request as PL/pgSQL functions, whose plans PostgreSQL keeps per connection where
 * the same statements sent by the service were planned again each time (planning cost more than running):
 * - auth_access(): the session behind an access token with its user, read at the start of each request
 *   (in the same round trip as the transaction's start, see Db.inStateOpening);
 * - trace_view(): what the view of a trace shows besides the copy itself, the hops of its chain (a recursive
 *   walk) and its photos without their bytes.
 * Both are SECURITY INVOKER: row-level security applies to them as to the caller's own statements.
 */
class RequestPathFunctions1795450000000 {
    constructor() {
        this.name = 'RequestPathFunctions1795450000000';
    }
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE FUNCTION auth_access(p_session uuid, p_user uuid)
      RETURNS TABLE (session_id uuid, mfa_satisfied boolean, last_activity_at timestamptz, expires_at timestamptz, revoked_at timestamptz,
                     user_id uuid, state_code text, username text, display_name text, roles varchar[], disabled_at timestamptz,
                     mfa_exempt boolean, mfa_enabled_at timestamptz)
      LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
        SELECT s.id, s.mfa_satisfied, s.last_activity_at, s.expires_at, s.revoked_at,
               u.id, u.state_code::text, u.username::text, u.display_name::text, u.roles::varchar[], u.disabled_at, u.mfa_exempt, u.mfa_enabled_at
          FROM auth_sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = p_session AND s.user_id = p_user;
      END
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION auth_access(uuid, uuid) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION auth_access(uuid, uuid) TO iti_app`);
        await queryRunner.query(`
      CREATE FUNCTION trace_view(p_state char(3), p_id uuid)
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
         ORDER BY down.depth, t.id;
      END
      $$`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION trace_view(char(3), uuid) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION trace_view(char(3), uuid) TO iti_app`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP FUNCTION trace_view(char(3), uuid)`);
        await queryRunner.query(`DROP FUNCTION auth_access(uuid, uuid)`);
    }
}
exports.RequestPathFunctions1795450000000 = RequestPathFunctions1795450000000;
//# sourceMappingURL=1795450000000-RequestPathFunctions.js.map
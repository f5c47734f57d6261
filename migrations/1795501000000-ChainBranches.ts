import { MigrationInterface, QueryRunner } from 'typeorm';

const PHOTOS = `CASE WHEN t.id = p_id THEN (
                 SELECT coalesce(json_agg(json_build_object('id', p.id, 'component', p.component, 'caption', p.caption, 'mediaType', p.media_type,
                                                            'size', p.size, 'sha256', p.sha256) ORDER BY p.position), '[]'::json)
                   FROM trace_photos p WHERE p.state_code = p_state AND p.trace_id = p_id) END`;

/** trace_view(): the hops from the first request (`up` finds it) down (`down`), with `columns`, in `order`. */
async function createTraceView(queryRunner: QueryRunner, hop: { returns: string; down: string; select: string; order: string }): Promise<void> {
  await queryRunner.query(`DROP FUNCTION trace_view(char(3), uuid)`);
  await queryRunner.query(`
      CREATE FUNCTION trace_view(p_state char(3), p_id uuid)
      RETURNS TABLE (id uuid, ${hop.returns}requested_state text, status text, outcome text, next_state text, sent_at timestamptz,
                     answered_at timestamptz, close_reason text, photos json)
      LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
        WITH RECURSIVE up AS (
               SELECT t.id, t.parent_id, 0 AS depth FROM traces t WHERE t.state_code = p_state AND t.id = p_id
               UNION ALL SELECT t.id, t.parent_id, up.depth + 1 FROM traces t JOIN up ON t.id = up.parent_id AND t.state_code = p_state WHERE up.depth < 50
             ), root AS (SELECT up.id FROM up ORDER BY up.depth DESC LIMIT 1),
             down AS (${hop.down})
        SELECT t.id, ${hop.select}t.requested_state::text, t.status::text, t.answer->>'outcome', t.answer->>'nextState', t.sent_at, t.answered_at, t.close_reason::text,
               ${PHOTOS}
          FROM down JOIN traces t ON t.state_code = p_state AND t.id = down.id
         ORDER BY ${hop.order};
      END
      $$`);
  await queryRunner.query(`REVOKE ALL ON FUNCTION trace_view(char(3), uuid) FROM PUBLIC`);
  await queryRunner.query(`GRANT EXECUTE ON FUNCTION trace_view(char(3), uuid) TO iti_app`);
}

/**
 * trace_view() names each hop's parent, and lists the hops depth first: each follow-up right after the hop it
 * follows and the follow-ups of that follow-up, the follow-ups of one hop in the order they were opened. Two
 * branches (ITA and DEU asked after BEL, each then followed) read as two branches, not as one list by depth.
 */
export class ChainBranches1795501000000 implements MigrationInterface {
  name = 'ChainBranches1795501000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createTraceView(queryRunner, {
      returns: 'parent_id uuid, ',
      // The path from the root: each hop's opening time and id, so that a hop sorts after its parent and before its parent's next follow-up.
      down: `SELECT root.id, ARRAY[]::text[] AS path FROM root
               UNION ALL SELECT t.id, down.path || (to_char(t.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || t.id::text)
                 FROM traces t JOIN down ON t.parent_id = down.id AND t.state_code = p_state WHERE cardinality(down.path) < 50`,
      select: 't.parent_id, ',
      order: 'down.path',
    });
  }

  /** trace_view() as migration ChainOrder left it. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await createTraceView(queryRunner, {
      returns: '',
      down: `SELECT root.id, 0 AS depth FROM root
               UNION ALL SELECT t.id, down.depth + 1 FROM traces t JOIN down ON t.parent_id = down.id AND t.state_code = p_state WHERE down.depth < 50`,
      select: '',
      order: 'down.depth, t.created_at, t.id',
    });
  }
}

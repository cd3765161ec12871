import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list's viewers: the members other than its owner who have seen at least one of its films
 * (docs/adr/0020), kept by the `lists` projection beside the progress it is counted from, with an
 * index to read public lists most viewed first. Existing lists are counted from their progress.
 */
export class AddListViewers1765820000000 implements MigrationInterface {
  name = 'AddListViewers1765820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE lists ADD COLUMN viewers integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      UPDATE lists AS list SET viewers = counted.viewers
        FROM (SELECT progress.list_id, count(*)::int AS viewers
                FROM list_progress AS progress JOIN lists AS owned ON owned.id = progress.list_id
               WHERE progress.user_id <> owned.owner_id
               GROUP BY progress.list_id) AS counted
       WHERE list.id = counted.list_id`);
    await queryRunner.query(
      `CREATE INDEX lists_public_viewers_idx ON lists (kind, viewers DESC, id DESC)
       WHERE deleted_at IS NULL AND visibility = 'public'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX lists_public_viewers_idx`);
    await queryRunner.query(`ALTER TABLE lists DROP COLUMN viewers`);
  }
}

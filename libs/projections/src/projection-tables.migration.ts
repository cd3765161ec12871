import type { MigrationInterface, QueryRunner } from 'typeorm';

// Placeholder: the projection engine defines its checkpoint and dead-letter tables here.
export class CreateProjectionTables1763683300000 implements MigrationInterface {
  name = 'CreateProjectionTables1763683300000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}

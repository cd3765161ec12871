import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CommandRunner } from '#decider';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { JobWorkers } from '../../../platform/jobs/job-workers.js';
import { JobsModule } from '../../../platform/jobs/jobs.module.js';
import { commentDecider } from '../../comments/domain/comment.decider.js';
import { commentStream } from '../../comments/domain/comment.events.js';
import { reviewDecider } from '../../reviews/domain/review.decider.js';
import { reviewStream } from '../../reviews/domain/review.events.js';
import {
  AUTO_HIDE_JOB,
  MODERATION_QUEUE,
  type AutoHideJobData,
} from '../projections/moderation-triggers.projection.js';

/** The auto-hide is no member's act; the review decider needs an actor, and this one moderates. */
const SYSTEM = 'system';

/**
 * Hides a comment or a review once enough distinct members reported it. Run once per report (the job id is
 * the report's event id); the decider emits only while the comment is visible and the open
 * reporters reach the threshold, so any number of runs hide it at most once.
 */
@Injectable()
export class AutoHideJob {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(job: Pick<Job<AutoHideJobData>, 'id' | 'data'>): Promise<{ hidden: boolean }> {
    const threshold = this.config.moderation.autohideReports;
    const subject = 'reviewId' in job.data ? job.data.reviewId : job.data.commentId;
    // Nobody acts: the system does, caused by the report the job came from.
    const context = { actorId: null, correlationId: job.id ?? subject, causationId: job.id ?? null };
    const result =
      'reviewId' in job.data
        ? await this.runner.run({
            decider: reviewDecider,
            streamId: reviewStream(job.data.reviewId),
            command: {
              type: 'ModerateReview',
              actorId: SYSTEM,
              moderates: true,
              moderation: { type: 'AutoHide', threshold },
            },
            context,
          })
        : await this.runner.run({
            decider: commentDecider,
            streamId: commentStream(job.data.commentId),
            command: { type: 'AutoHideComment', threshold },
            context,
          });
    return { hidden: result.events.length > 0 };
  }
}

@Injectable()
class ModerationJobsStarter implements OnApplicationBootstrap {
  constructor(
    private readonly workers: JobWorkers,
    private readonly autoHide: AutoHideJob,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.process(MODERATION_QUEUE, {
      [AUTO_HIDE_JOB]: (job) => this.autoHide.run(job as Job<AutoHideJobData>),
    });
  }
}

/** The worker role's moderation jobs. */
@Module({
  imports: [JobsModule],
  providers: [AutoHideJob, ModerationJobsStarter],
})
export class ModerationJobsModule {}

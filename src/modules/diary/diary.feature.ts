import type { Feature } from '../../platform/features/feature.js';
import { DiaryModule } from './diary.module.js';

/**
 * The diary's routes. Its facts are the film log's (`ViewingLogged` …, ADR 0015), and so are its
 * read models and migration; this feature adds the commands that find an entry's stream and the
 * member-facing pages of the API, which need the social module's usernames.
 */
export const diaryFeature: Feature = {
  name: 'diary',
  httpModules: [DiaryModule],
};

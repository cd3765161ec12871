import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { usernameKey } from '../../../identity/domain/credentials.js';
import { MemberNotFoundException } from '../../members/member-errors.js';
import type { Profile, ProfileCounts } from '../../social.response.js';

/** A member's public profile: who, since when, and the counts of their marks, follows and comments. */
export class GetProfile extends Query<Profile> {
  constructor(readonly username: string) {
    super();
  }
}

interface ProfileRow extends ProfileCounts {
  id: string;
  username: string;
  joined_at: Date;
}

@QueryHandler(GetProfile)
export class GetProfileHandler implements IQueryHandler<GetProfile> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ username }: GetProfile): Promise<Profile> {
    // No user_stats row yet reads as zeros; joined_at falls back to the account until members has it.
    const { rows } = await this.pool.query<ProfileRow>({
      name: 'social-profile',
      text: `SELECT account.id, account.username, coalesce(member.joined_at, account.created_at) AS joined_at,
                    coalesce(stats.checked, 0) AS checked, coalesce(stats.favourites, 0) AS favourites,
                    coalesce(stats.dislikes, 0) AS dislikes, coalesce(stats.watchlist, 0) AS watchlist,
                    coalesce(stats.followers, 0) AS followers, coalesce(stats.following, 0) AS following,
                    coalesce(comments.comments, 0) AS comments, coalesce(stats.ratings, 0) AS ratings,
                    coalesce(stats.diary_entries, 0) AS "diaryEntries",
                    coalesce(reviews.reviews, 0) AS reviews
             FROM accounts AS account
             LEFT JOIN members AS member ON member.user_id = account.id
             LEFT JOIN user_stats AS stats ON stats.user_id = account.id
             LEFT JOIN member_comment_counts AS comments ON comments.user_id = account.id
             LEFT JOIN member_review_counts AS reviews ON reviews.user_id = account.id
             WHERE account.username_key = $1`,
      values: [usernameKey(username)],
    });
    const row = rows[0];
    if (!row) throw new MemberNotFoundException(username);
    return {
      id: row.id,
      username: row.username,
      joinedAt: row.joined_at.toISOString(),
      counts: {
        checked: row.checked,
        favourites: row.favourites,
        dislikes: row.dislikes,
        watchlist: row.watchlist,
        followers: row.followers,
        following: row.following,
        comments: row.comments,
        ratings: row.ratings,
        diaryEntries: row.diaryEntries,
        reviews: row.reviews,
      },
    };
  }
}

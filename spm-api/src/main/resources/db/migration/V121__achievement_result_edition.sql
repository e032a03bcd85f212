-- The edition a cached report was computed in: its storage format and its rule set with a digest of the
-- rule set's parameters (AchievementService.edition). A row of another edition is stale even at the current
-- data version: rows cached before the gap in persons was added (issue 10) or by a build with other rules are
-- recomputed on their first read instead of being served as they were. Rows stored before this column have ''.
alter table achievement_result add column edition text not null default '';

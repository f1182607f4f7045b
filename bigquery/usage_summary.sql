-- Results Ladder: the per-account Usage summary, from a raw product-events table (BigQuery standard SQL).
--
-- Produces exactly the sheet the add-on reads as `Usage summary` (src/gas/usageSummary.ts): one row per account with
--   account_id   · Account ID
--   usage_weeks  · 'YYYY-MM-DD users actions; …' (any order): every week on or after window_from, plus the latest
--                  older week with any use (the account's last week of use)
--   window_from  · From: the first week kept = as_of − max(activity window, 7 × adoption weeks) + 1
--   as_of        · As of: the day the summary describes
--   usage_rows   · Usage rows: NULL (there is no Usage sheet behind a BigQuery summary)
-- test/unit/bigquery.test.ts runs the same steps locally over the same events and proves the ladder equals the one
-- computed from raw Usage rows.
--
-- Parameters (a scheduled query sets them; defaults are the add-on's Settings defaults):
--   @as_of                  DATE    the day the summary is for (a scheduled query: CURRENT_DATE(@time_zone))
--   @time_zone              STRING  the spreadsheet's time zone, e.g. 'America/New_York'
--   @activity_window_days   INT64   Settings › activity window (28)
--   @adoption_weeks_of      INT64   Settings › adoption weeks counted (4)
--
-- Input: `product_events` with one row per event: account_id STRING, user_id STRING, event_time TIMESTAMP,
-- is_key_action BOOL. Rename the table and columns to yours.

WITH
  params AS (
    SELECT
      @as_of AS as_of,
      DATE_SUB(@as_of, INTERVAL GREATEST(@activity_window_days, 7 * @adoption_weeks_of) - 1 DAY) AS window_from
  ),

  -- The Usage sheet's rows: one per account and week (weeks start on Monday, in the spreadsheet's zone).
  weekly_usage AS (
    SELECT
      TRIM(account_id) AS account_id,
      DATE_TRUNC(DATE(event_time, @time_zone), WEEK(MONDAY)) AS week,
      COUNT(DISTINCT user_id) AS active_users,
      COUNTIF(is_key_action) AS key_actions
    FROM `product_events`
    WHERE account_id IS NOT NULL AND TRIM(account_id) != ''
    GROUP BY account_id, week
  ),

  -- Every week the rules read as of any day from as_of on (future-dated weeks included).
  recent AS (
    SELECT u.account_id, u.week, u.active_users, u.key_actions
    FROM weekly_usage AS u
    CROSS JOIN params AS p
    WHERE u.week >= p.window_from
  ),

  -- Per account, the latest older week with any use: Activity's "last on …".
  latest_older AS (
    SELECT account_id, week, active_users, key_actions
    FROM (
      SELECT
        u.account_id, u.week, u.active_users, u.key_actions,
        ROW_NUMBER() OVER (PARTITION BY u.account_id ORDER BY u.week DESC) AS newest
      FROM weekly_usage AS u
      CROSS JOIN params AS p
      WHERE u.week < p.window_from AND (u.active_users > 0 OR u.key_actions > 0)
    )
    WHERE newest = 1
  ),

  kept AS (
    SELECT * FROM recent
    UNION ALL
    SELECT * FROM latest_older
  )

SELECT
  k.account_id AS account_id,
  -- In any order: the add-on reads the weeks as a set (no ORDER BY inside the aggregate keeps the SQL portable to
  -- parsers that check it).
  STRING_AGG(FORMAT('%t %d %d', k.week, k.active_users, k.key_actions), '; ') AS usage_weeks,
  ANY_VALUE(p.window_from) AS window_from,
  ANY_VALUE(p.as_of) AS as_of,
  CAST(NULL AS INT64) AS usage_rows
FROM kept AS k
CROSS JOIN params AS p
GROUP BY k.account_id
ORDER BY k.account_id

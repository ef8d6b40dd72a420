-- Messages sent per channel per calendar month (YYYY-MM), for plans with a monthly message budget
-- (Zalo's free plan). Counts only: nothing about who the messages went to.
CREATE TABLE usage (
    channel TEXT NOT NULL,
    month   TEXT NOT NULL,
    sent    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel, month)
);

-- Presence checks are decided by the server: credited time left before the next check
-- (继续学习?), counted down by the heartbeat rules and carried into the learner's next session.
-- Sessions that existed before get a fresh 15 minutes; new sessions always state theirs.
ALTER TABLE "PlaybackSession" ADD COLUMN "presenceLeftMs" INTEGER NOT NULL DEFAULT 900000;
ALTER TABLE "PlaybackSession" ALTER COLUMN "presenceLeftMs" DROP DEFAULT;

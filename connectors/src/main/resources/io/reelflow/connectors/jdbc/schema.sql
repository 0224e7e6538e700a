-- Reelflow tables in PostgreSQL. Idempotent: applied at every start of `local` mode and by tests.
-- Rows are upserted by the job; keys match the Kafka record keys (request id) plus the run.

CREATE TABLE IF NOT EXISTS video_results (
    request_id       TEXT             NOT NULL,
    run_id           TEXT             NOT NULL,
    status           TEXT             NOT NULL,
    video_uri        TEXT,
    thumbnail_uri    TEXT,
    subtitles_uri    TEXT,
    duration_seconds DOUBLE PRECISION,
    width            INTEGER,
    height           INTEGER,
    language         TEXT,
    scene_count      INTEGER,
    quality_score    DOUBLE PRECISION,
    quality_passed   BOOLEAN,
    quality_reasons  JSONB,
    credits          JSONB            NOT NULL DEFAULT '[]'::jsonb,
    error            TEXT,
    completed_at     TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (request_id, run_id)
);

CREATE INDEX IF NOT EXISTS video_results_run_status_idx ON video_results (run_id, status);

-- Added with the timeline renderer; ALTER so databases created before keep working.
ALTER TABLE video_results ADD COLUMN IF NOT EXISTS web_vtt_uri TEXT;
ALTER TABLE video_results ADD COLUMN IF NOT EXISTS contact_sheet_uri TEXT;
-- Added with narration: the length asked for (the video's may follow its speech instead) and what
-- users should know about the video that is not a failure.
ALTER TABLE video_results ADD COLUMN IF NOT EXISTS target_duration_seconds DOUBLE PRECISION;
ALTER TABLE video_results ADD COLUMN IF NOT EXISTS notes JSONB NOT NULL DEFAULT '[]'::jsonb;
-- Added with per-scene quality and repair: the whole QualityReport as JSON (signals, scenes with
-- their reasons, defects and signals, repairedScenes); quality_score/passed/reasons stay for queries.
ALTER TABLE video_results ADD COLUMN IF NOT EXISTS quality_breakdown JSONB;

CREATE TABLE IF NOT EXISTS video_status (
    request_id          TEXT             NOT NULL,
    run_id              TEXT             NOT NULL,
    phase               TEXT             NOT NULL,
    progress            INTEGER          NOT NULL,
    message             TEXT,
    language            TEXT,
    language_confidence DOUBLE PRECISION,
    scene_count         INTEGER,
    at                  TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (request_id, run_id, phase)
);

ALTER TABLE video_status ADD COLUMN IF NOT EXISTS credits JSONB NOT NULL DEFAULT '[]'::jsonb;

-- Bounds of the two job tables. The job's sink guard (TableRules in jdbc.internal) checks the same
-- bounds before a row is written: it cuts text to its bound and sends a row it cannot repair to
-- the dead-letter topic, so these constraints only catch a writer without the guard. NOT VALID
-- keeps rows written before the bounds existed; dropped and added again at every apply, so a
-- changed bound takes effect. NULLs pass (a CHECK fails only when false).
ALTER TABLE video_results
    DROP CONSTRAINT IF EXISTS video_results_key_lengths,
    ADD CONSTRAINT video_results_key_lengths CHECK (
        char_length(request_id) BETWEEN 1 AND 128 AND char_length(run_id) BETWEEN 1 AND 128)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_results_text_lengths,
    ADD CONSTRAINT video_results_text_lengths CHECK (
        char_length(video_uri) <= 2048 AND char_length(thumbnail_uri) <= 2048
        AND char_length(subtitles_uri) <= 2048 AND char_length(web_vtt_uri) <= 2048
        AND char_length(contact_sheet_uri) <= 2048 AND char_length(language) <= 64
        AND char_length(error) <= 4000)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_results_numbers_in_range,
    ADD CONSTRAINT video_results_numbers_in_range CHECK (
        duration_seconds BETWEEN 0 AND 86400 AND target_duration_seconds BETWEEN 0 AND 86400
        AND width BETWEEN 0 AND 16384
        AND height BETWEEN 0 AND 16384 AND scene_count BETWEEN 0 AND 10000
        AND quality_score BETWEEN 0 AND 100)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_results_completed_at_in_range,
    ADD CONSTRAINT video_results_completed_at_in_range CHECK (
        completed_at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59.999+00')
        NOT VALID;

ALTER TABLE video_status
    DROP CONSTRAINT IF EXISTS video_status_key_lengths,
    ADD CONSTRAINT video_status_key_lengths CHECK (
        char_length(request_id) BETWEEN 1 AND 128 AND char_length(run_id) BETWEEN 1 AND 128)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_status_text_lengths,
    ADD CONSTRAINT video_status_text_lengths CHECK (
        char_length(message) <= 4000 AND char_length(language) <= 64)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_status_numbers_in_range,
    ADD CONSTRAINT video_status_numbers_in_range CHECK (
        progress BETWEEN 0 AND 100 AND language_confidence BETWEEN 0 AND 1
        AND scene_count BETWEEN 0 AND 10000)
        NOT VALID,
    DROP CONSTRAINT IF EXISTS video_status_at_in_range,
    ADD CONSTRAINT video_status_at_in_range CHECK (
        at BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59.999+00')
        NOT VALID;

-- The stock asset catalog (`reelflow assets import`). One row per distinct file content: the sha256
-- of the bytes is the identity of an import, so importing the same file again changes nothing.
-- width/height are the displayed size (after rotation); orientation is derived from them.
CREATE TABLE IF NOT EXISTS asset_catalog (
    id               TEXT             PRIMARY KEY,
    uri              TEXT             NOT NULL,
    kind             TEXT             NOT NULL CHECK (kind IN ('PHOTO', 'CLIP', 'MUSIC')),
    duration_seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
    width            INTEGER          NOT NULL DEFAULT 0,
    height           INTEGER          NOT NULL DEFAULT 0,
    orientation      TEXT             CHECK (orientation IN ('landscape', 'portrait', 'square')),
    codec            TEXT,
    rotation         INTEGER          NOT NULL DEFAULT 0,
    description      TEXT,
    tags             TEXT[]           NOT NULL DEFAULT '{}',
    language         TEXT,
    licence          TEXT,
    author           TEXT,
    source_url       TEXT,
    title            TEXT,
    checksum         TEXT             NOT NULL UNIQUE CHECK (checksum ~ '^[0-9a-f]{64}$'),
    thumbnail_uri    TEXT,
    updated_at       TIMESTAMPTZ      NOT NULL
);

CREATE INDEX IF NOT EXISTS asset_catalog_updated_at_idx ON asset_catalog (updated_at);

-- The generation job registry (JdbcJobRegistry), keyed by the content key of a clip (model and its
-- version, prompt, negative prompt, seed, size, length, fps). A job id is stored before the job is
-- first polled, so a retry, a restart or a replay resumes polling instead of submitting again. A
-- row without a job id is a claim about to submit; a claim older than the caller's staleness limit
-- may be taken over. Rows are deleted once the clip is stored.
CREATE TABLE IF NOT EXISTS generation_jobs (
    content_key TEXT        PRIMARY KEY,
    endpoint    TEXT,
    job_id      TEXT,
    owner       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The requests archive (ReelflowJdbc.requestsArchiveSink): each accepted request once, with its
-- record value exactly as received, so `reelflow replay --from archive` reaches beyond Kafka's
-- retention. Written when the job accepts the first record of an id; a record of the id accepted
-- again later (after the deduplication TTL) with other content replaces it, while the same record
-- read again after a restart changes nothing. Admission has checked ids and sizes already.
CREATE TABLE IF NOT EXISTS requests_archive (
    request_id       TEXT        PRIMARY KEY,
    run_id           TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    source_topic     TEXT        NOT NULL,
    source_partition INTEGER     NOT NULL,
    source_offset    BIGINT      NOT NULL,
    payload_sha256   TEXT        NOT NULL,
    payload          BYTEA       NOT NULL,
    CONSTRAINT requests_archive_key_lengths CHECK (
        char_length(request_id) BETWEEN 1 AND 128 AND char_length(run_id) BETWEEN 1 AND 128)
);

CREATE INDEX IF NOT EXISTS requests_archive_received_at_idx ON requests_archive (received_at);

-- One row per replay (`reelflow replay`): what it selected and how its requests ended. A run id
-- with a row here, or with rows in video_results, is not replayed again without --overwrite.
CREATE TABLE IF NOT EXISTS replay_runs (
    run_id            TEXT        PRIMARY KEY,
    source            TEXT        NOT NULL,
    selection         TEXT        NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    requests_selected INTEGER     NOT NULL,
    outcomes          JSONB       NOT NULL DEFAULT '{}'::jsonb
);

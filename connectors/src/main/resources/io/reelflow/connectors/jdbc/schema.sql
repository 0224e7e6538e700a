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

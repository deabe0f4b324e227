-- Run at every start: IF NOT EXISTS makes it a no-op on an existing database.
CREATE TABLE IF NOT EXISTS user (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    -- Bumped at logout: every session made before it ends (see auth.py).
    session_generation INTEGER NOT NULL DEFAULT 0,
    login_count INTEGER NOT NULL DEFAULT 0,
    last_login_at TEXT,
    last_login_ip TEXT,
    current_login_at TEXT,
    current_login_ip TEXT
);

CREATE TABLE IF NOT EXISTS role (
    user_id INTEGER NOT NULL REFERENCES user (id),
    name TEXT NOT NULL,
    PRIMARY KEY (user_id, name)
);

CREATE TABLE IF NOT EXISTS api_token (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES user (id),
    name TEXT NOT NULL,
    token_hash TEXT UNIQUE NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);

-- Failed logins per address typed, whether or not an account uses it (tracking.py).
CREATE TABLE IF NOT EXISTS login_failure (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER
);

-- One counter per limited key and its current window (throttle.py).
CREATE TABLE IF NOT EXISTS rate_limit (
    key TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL
);

-- Mail waiting for the worker: flask --app accounts send-mail (mail.py).
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL
);

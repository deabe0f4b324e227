-- Run at every start: IF NOT EXISTS makes it a no-op on an existing database.
CREATE TABLE IF NOT EXISTS user (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0,
    login_count INTEGER NOT NULL DEFAULT 0,
    last_login_at TEXT,
    last_login_ip TEXT,
    current_login_at TEXT,
    current_login_ip TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER
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

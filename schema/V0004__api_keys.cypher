// API keys that admins create through the API: stored by name and by the SHA-256 of the key, never the key.
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.name IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.sha256 IS UNIQUE;

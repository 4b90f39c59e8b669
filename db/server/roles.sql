-- The group roles of a shared workspace (#13), created by `vorlagenwerk-cli server init` (and before any
-- migration, by a role that may create roles) when they are missing. Cluster-wide: a cluster may hold several
-- workspaces, which their `member` tables keep apart (postgresql/0010_rights.sql). Run again, it changes nothing.
DO $$
DECLARE
    r TEXT;
BEGIN
    FOREACH r IN ARRAY ARRAY['vorlagenwerk_owner', 'vorlagenwerk_reviewer', 'vorlagenwerk_clerk',
                             'vorlagenwerk_senatskanzlei', 'vorlagenwerk_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    -- An administrator may become the owner (SET ROLE, for migrations) but does not inherit its rights, so
    -- it does not pass row-level security by being a member.
    ALTER ROLE vorlagenwerk_admin NOINHERIT;
    IF NOT pg_has_role('vorlagenwerk_admin', 'vorlagenwerk_owner', 'MEMBER') THEN
        GRANT vorlagenwerk_owner TO vorlagenwerk_admin;
    END IF;
    IF NOT pg_has_role('vorlagenwerk_clerk', 'vorlagenwerk_reviewer', 'MEMBER') THEN
        GRANT vorlagenwerk_reviewer TO vorlagenwerk_clerk;
    END IF;
    IF NOT pg_has_role('vorlagenwerk_senatskanzlei', 'vorlagenwerk_clerk', 'MEMBER') THEN
        GRANT vorlagenwerk_clerk TO vorlagenwerk_senatskanzlei;
    END IF;
END;
$$;


-- The owner creates the workspace's tables (PostgreSQL 15 lets only the database's owner create in public).
GRANT USAGE, CREATE ON SCHEMA public TO vorlagenwerk_owner;

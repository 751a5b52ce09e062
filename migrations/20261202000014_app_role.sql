-- The role the server's request pool runs as (#9 item 6): it reads and writes every table,
-- but the audit log only grows: no UPDATE, DELETE or TRUNCATE, so a bug or an injected
-- query in the app cannot rewrite history. Migrations run as the owner, not as this role.

-- Roles are cluster-wide and many databases (tests) migrate at once: whoever comes second
-- either sees the role or hits the duplicate while the first one commits.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sipupns_app') THEN
        BEGIN
            CREATE ROLE sipupns_app NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'role % may not create roles: as a superuser, run CREATE ROLE sipupns_app NOLOGIN; GRANT sipupns_app TO %;', current_user, current_user;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO sipupns_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sipupns_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO sipupns_app;
-- Tables and sequences later migrations create (as this same owner) need no grant of their own.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sipupns_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO sipupns_app;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM sipupns_app;
-- The migrations' own bookkeeping is the owner's alone.
-- (Guarded: scripts/sqlx-prepare.sh applies the files with psql, where the table does not exist.)
DO $$
BEGIN
    IF to_regclass('_sqlx_migrations') IS NOT NULL THEN
        REVOKE ALL ON _sqlx_migrations FROM sipupns_app;
    END IF;
END
$$;

-- An owner that is not a superuser needs membership to `SET ROLE sipupns_app` on its
-- connections (the embedded cluster grants it beforehand, as its superuser).
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        AND NOT pg_has_role(current_user, 'sipupns_app', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT sipupns_app TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'role % may not join sipupns_app: as a superuser, run GRANT sipupns_app TO %;', current_user, current_user;
        END;
    END IF;
END
$$;

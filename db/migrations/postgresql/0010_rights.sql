-- Rights on a shared workspace (#13), enforced by the server. The SQLite counterpart adds only the columns and
-- tables (a file has one user). Who is who: a row in `member` per database login (its printed name, its kind
-- and its Ressort); the group roles below carry the GRANTs; row-level security and the triggers decide per
-- row from `member`. A login that is not a member of this workspace sees and changes nothing, even where a
-- group role of another workspace on the same cluster gives it a GRANT. Superusers, and the table owner
-- (`vorlagenwerk_owner`, which nobody logs in as; `server migrate` takes it with SET ROLE), are not checked.
--
-- Kinds: 'reviewer' reads the Vorlagen its Ressort is asked to review (a Beteiligung row with its Ressort key),
-- comments in its own name and sets its Ressort's Beteiligung (state, date, text) — nothing else;
-- 'clerk' is a reviewer that also edits the Vorlagen of its Ressort (one of the submitting Ressorts, or one it
-- created) and the figures of its Ressort; 'senatskanzlei' reads and edits every Vorlage, and alone decides
-- (status „beschlossen“, the outcome) and publishes; 'admin' manages members and the workspace's settings.

CREATE TABLE member (
    login TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reviewer', 'clerk', 'senatskanzlei', 'admin')),
    ressort_key TEXT NOT NULL DEFAULT ''
);

-- Who created a Vorlage: its clerk may go on editing it before its Ressorts are filled in.
ALTER TABLE vorlage ADD COLUMN created_by TEXT NOT NULL DEFAULT session_user;

-- A publication is a record of what went out: never changed, deleted only with its Vorlage (as versions).
CREATE FUNCTION publication_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM vorlage WHERE id = OLD.vorlage_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'publication is immutable';
END;
$$;

CREATE TRIGGER publication_no_update BEFORE UPDATE ON publication FOR EACH ROW EXECUTE FUNCTION publication_immutable();

CREATE TRIGGER publication_no_delete BEFORE DELETE ON publication FOR EACH ROW EXECUTE FUNCTION publication_immutable();

-- The group roles (db/server/roles.sql) exist: the program creates them before it migrates to this version.

-- ---- Who is working --------------------------------------------------------------------------------------
-- SECURITY DEFINER (run as the owner, which row-level security does not check, so a policy may look at other
-- tables without recursing); session_user is the login, also after a SET ROLE.

-- Not checked: a superuser, a role that passes row-level security, the owner. The caller's rights (no DEFINER).
CREATE FUNCTION vw_unchecked() RETURNS boolean LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT rolsuper OR rolbypassrls OR rolname = 'vorlagenwerk_owner' FROM pg_roles WHERE rolname = current_user
$$;

CREATE FUNCTION vw_kind() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT kind FROM member WHERE login = session_user
$$;

CREATE FUNCTION vw_ressort() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT ressort_key FROM member WHERE login = session_user
$$;

CREATE FUNCTION vw_name() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT name FROM member WHERE login = session_user
$$;

CREATE FUNCTION vw_is_member() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM member WHERE login = session_user)
$$;

-- Edits the Vorlage: the Senatskanzlei (it prepares the session and records the decision), a clerk of one
-- of its Ressorts, or the clerk who created it.
CREATE FUNCTION vw_may_edit(vid bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM member m
        WHERE m.login = session_user AND (m.kind = 'senatskanzlei' OR m.kind = 'clerk'
          AND (EXISTS (SELECT 1 FROM vorlage_ressort r WHERE r.vorlage_id = vid AND r.ressort_key = m.ressort_key)
               OR EXISTS (SELECT 1 FROM vorlage v WHERE v.id = vid AND v.created_by = session_user))))
$$;

-- Asked to review it: the user's Ressort has a Beteiligung row in it.
CREATE FUNCTION vw_may_review(vid bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM member m JOIN participation p ON p.ressort_key = m.ressort_key
        WHERE m.login = session_user AND m.kind <> 'admin' AND m.ressort_key <> '' AND p.vorlage_id = vid)
$$;

CREATE FUNCTION vw_may_read(vid bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT vw_may_edit(vid) OR vw_may_review(vid)
$$;

CREATE FUNCTION vw_annotation_vorlage(aid bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT vorlage_id FROM annotation WHERE id = aid
$$;

-- A refusal: SQLSTATE 42501 (insufficient_privilege), as the server's own refusals, with what is not allowed.
CREATE FUNCTION vw_refuse(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', what USING ERRCODE = '42501';
END;
$$;

-- ---- What row-level security cannot say: which columns, and which status ----------------------------------

-- A reviewer (and a clerk of another Ressort) changes a Vorlage's row only to record that it saved its
-- Beteiligung (revision, modified, modified_by); only the Senatskanzlei decides, publishes or reopens.
CREATE FUNCTION vorlage_rights() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    decided TEXT[] := ARRAY['beschlossen', 'veroeffentlicht'];
BEGIN
    IF vw_unchecked() THEN
        RETURN NEW;
    END IF;
    IF NEW.created_by IS DISTINCT FROM OLD.created_by THEN
        PERFORM vw_refuse('Wer eine Vorlage angelegt hat, lässt sich nicht ändern.');
    END IF;
    IF (NEW.status IS DISTINCT FROM OLD.status OR NEW.outcome IS DISTINCT FROM OLD.outcome)
       AND (NEW.status = ANY (decided) OR OLD.status = ANY (decided) OR NEW.outcome IS DISTINCT FROM OLD.outcome)
       AND vw_kind() IS DISTINCT FROM 'senatskanzlei' THEN
        PERFORM vw_refuse(format('Nur die Senatskanzlei darf eine Vorlage auf „%s“ setzen oder den Beschluss festhalten.', NEW.status));
    END IF;
    IF NOT vw_may_edit(OLD.id) AND (to_jsonb(NEW) - 'revision' - 'modified' - 'modified_by') IS DISTINCT FROM (to_jsonb(OLD) - 'revision' - 'modified' - 'modified_by') THEN
        PERFORM vw_refuse('Diese Vorlage gehört einem anderen Ressort: Sie dürfen sie lesen und kommentieren, aber nicht ändern.');
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER vorlage_rights BEFORE UPDATE ON vorlage FOR EACH ROW EXECUTE FUNCTION vorlage_rights();

-- A reviewer answers for its own Ressort: state, date and text of that row.
CREATE FUNCTION participation_rights() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF vw_unchecked() OR vw_may_edit(OLD.vorlage_id) THEN
        RETURN NEW;
    END IF;
    IF (to_jsonb(NEW) - 'state' - 'date' - 'text') IS DISTINCT FROM (to_jsonb(OLD) - 'state' - 'date' - 'text') THEN
        PERFORM vw_refuse('In der Beteiligung anderer dürfen Sie nur den Stand, das Datum und die Stellungnahme Ihres Ressorts ändern.');
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER participation_rights BEFORE UPDATE ON participation FOR EACH ROW EXECUTE FUNCTION participation_rights();

-- Anyone who reads a Vorlage resolves and reopens comments; only its clerks move them or decide suggestions.
CREATE FUNCTION annotation_rights() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF vw_unchecked() OR vw_may_edit(OLD.vorlage_id) THEN
        RETURN NEW;
    END IF;
    IF (to_jsonb(NEW) - 'resolved' - 'resolved_by' - 'resolved_at') IS DISTINCT FROM (to_jsonb(OLD) - 'resolved' - 'resolved_by' - 'resolved_at') THEN
        PERFORM vw_refuse('Über Kommentare und Vorschläge entscheidet das federführende Ressort.');
    END IF;
    IF NEW.resolved_by <> '' AND NEW.resolved_by IS DISTINCT FROM vw_name() THEN
        PERFORM vw_refuse('Einen Kommentar erledigen Sie nur in Ihrem eigenen Namen.');
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER annotation_rights BEFORE UPDATE ON annotation FOR EACH ROW EXECUTE FUNCTION annotation_rights();

-- ---- Row-level security ----------------------------------------------------------------------------------

ALTER TABLE vorlage ENABLE ROW LEVEL SECURITY;
CREATE POLICY vorlage_read ON vorlage FOR SELECT USING (created_by = session_user AND vw_is_member() OR vw_may_read(id));
CREATE POLICY vorlage_add ON vorlage FOR INSERT WITH CHECK (vw_kind() IN ('clerk', 'senatskanzlei') AND created_by = session_user AND modified_by = vw_name());
CREATE POLICY vorlage_change ON vorlage FOR UPDATE USING (vw_may_read(id)) WITH CHECK (modified_by = vw_name());
CREATE POLICY vorlage_remove ON vorlage FOR DELETE USING (vw_may_edit(id));

-- The parts of a Vorlage: read with it, written by its clerks.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['vorlage_ressort', 'section', 'question', 'beschluss_item', 'anlage'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (vw_may_read(vorlage_id))', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (vw_may_edit(vorlage_id))', t || '_add', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (vw_may_edit(vorlage_id)) WITH CHECK (vw_may_edit(vorlage_id))', t || '_change', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (vw_may_edit(vorlage_id))', t || '_remove', t);
    END LOOP;
END;
$$;

ALTER TABLE participation ENABLE ROW LEVEL SECURITY;
CREATE POLICY participation_read ON participation FOR SELECT USING (vw_may_read(vorlage_id));
CREATE POLICY participation_add ON participation FOR INSERT WITH CHECK (vw_may_edit(vorlage_id));
CREATE POLICY participation_change ON participation FOR UPDATE
    USING (vw_may_edit(vorlage_id) OR ressort_key = vw_ressort() AND vw_may_review(vorlage_id))
    WITH CHECK (vw_may_edit(vorlage_id) OR ressort_key = vw_ressort());
CREATE POLICY participation_remove ON participation FOR DELETE USING (vw_may_edit(vorlage_id));

-- The search index of a place is written by whoever may write the place (a reviewer: its Beteiligung row).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['search_place', 'search_place_figure'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (vw_may_read(vorlage_id))', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (vw_may_edit(vorlage_id) '
                       'OR place LIKE ''beteiligung:%%'' AND vw_may_review(vorlage_id))', t || '_add', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (vw_may_edit(vorlage_id)) WITH CHECK (vw_may_edit(vorlage_id))', t || '_change', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (vw_may_edit(vorlage_id) '
                       'OR place LIKE ''beteiligung:%%'' AND vw_may_review(vorlage_id))', t || '_remove', t);
    END LOOP;
END;
$$;

-- Comments: by whoever reads the Vorlage, in their own name only.
ALTER TABLE annotation ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotation_read ON annotation FOR SELECT USING (vw_may_read(vorlage_id));
CREATE POLICY annotation_add ON annotation FOR INSERT WITH CHECK (vw_may_read(vorlage_id) AND author = vw_name());
CREATE POLICY annotation_change ON annotation FOR UPDATE USING (vw_may_read(vorlage_id)) WITH CHECK (vw_may_read(vorlage_id));
CREATE POLICY annotation_remove ON annotation FOR DELETE USING (vw_may_edit(vorlage_id));

ALTER TABLE annotation_reply ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotation_reply_read ON annotation_reply FOR SELECT USING (vw_may_read(vw_annotation_vorlage(annotation_id)));
CREATE POLICY annotation_reply_add ON annotation_reply FOR INSERT
    WITH CHECK (vw_may_read(vw_annotation_vorlage(annotation_id)) AND author = vw_name());

-- Versions and status changes: by whoever edits the Vorlage, in their own name; publications by the
-- Senatskanzlei only. None is ever changed (the immutability triggers).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['version', 'status_change', 'publication'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (vw_may_read(vorlage_id))', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (vw_may_edit(vorlage_id))', t || '_remove', t);
    END LOOP;
END;
$$;
CREATE POLICY version_add ON version FOR INSERT
    WITH CHECK (vw_may_edit(vorlage_id) AND author = vw_name());
CREATE POLICY status_change_add ON status_change FOR INSERT
    WITH CHECK (vw_may_edit(vorlage_id) AND author = vw_name());
CREATE POLICY publication_add ON publication FOR INSERT WITH CHECK (vw_kind() = 'senatskanzlei' AND author = vw_name());

-- File contents: those of the Anlagen one may read (the subquery is itself under anlage's policy).
ALTER TABLE blob ENABLE ROW LEVEL SECURITY;
CREATE POLICY blob_read ON blob FOR SELECT USING (vw_kind() = 'senatskanzlei' OR EXISTS (SELECT 1 FROM anlage a WHERE a.sha256 = blob.sha256));
CREATE POLICY blob_add ON blob FOR INSERT WITH CHECK (vw_kind() IN ('clerk', 'senatskanzlei'));

-- Workspace-wide tables: read by members; figures written by clerks for their Ressort (or for none).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['figure', 'figure_change', 'setting', 'protected_person', 'dictionary_word', 'ressort_name', 'member'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (vw_is_member())', t || '_read', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['setting', 'protected_person', 'dictionary_word', 'ressort_name', 'member'] LOOP
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (vw_kind() = ''admin'') WITH CHECK (vw_kind() = ''admin'')', t || '_admin', t);
    END LOOP;
END;
$$;
CREATE POLICY figure_add ON figure FOR INSERT
    WITH CHECK (vw_kind() = 'senatskanzlei' OR vw_kind() = 'clerk' AND ressort_key IN ('', vw_ressort()));
CREATE POLICY figure_change ON figure FOR UPDATE
    USING (vw_kind() = 'senatskanzlei' OR vw_kind() = 'clerk' AND ressort_key IN ('', vw_ressort()))
    WITH CHECK (vw_kind() = 'senatskanzlei' OR vw_kind() = 'clerk' AND ressort_key IN ('', vw_ressort()));
CREATE POLICY figure_change_add ON figure_change FOR INSERT WITH CHECK (vw_kind() IN ('clerk', 'senatskanzlei') AND who = vw_name());
CREATE POLICY dictionary_word_add ON dictionary_word FOR INSERT WITH CHECK (vw_kind() IN ('clerk', 'senatskanzlei'));

-- ---- GRANTs: what each kind may do at all (the policies above narrow it to rows) ---------------------------

GRANT SELECT ON ALL TABLES IN SCHEMA public TO vorlagenwerk_reviewer, vorlagenwerk_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO vorlagenwerk_reviewer;
GRANT INSERT ON annotation, annotation_reply TO vorlagenwerk_reviewer;
GRANT UPDATE (resolved, resolved_by, resolved_at) ON annotation TO vorlagenwerk_reviewer;
GRANT UPDATE (state, date, text) ON participation TO vorlagenwerk_reviewer;
GRANT UPDATE (revision, modified, modified_by) ON vorlage TO vorlagenwerk_reviewer;
GRANT INSERT, DELETE ON search_place, search_place_figure TO vorlagenwerk_reviewer;

GRANT INSERT, UPDATE, DELETE ON vorlage, vorlage_ressort, section, question, beschluss_item, participation, anlage,
    search_place, search_place_figure TO vorlagenwerk_clerk;
GRANT UPDATE (place, start_offset, end_offset, quote, detached, suggestion, decided_by, decided) ON annotation TO vorlagenwerk_clerk;
GRANT DELETE ON annotation, annotation_reply, version, status_change, publication TO vorlagenwerk_clerk;
GRANT INSERT ON blob, version, status_change, figure_change, dictionary_word TO vorlagenwerk_clerk;
GRANT INSERT, UPDATE ON figure TO vorlagenwerk_clerk;

GRANT INSERT ON publication TO vorlagenwerk_senatskanzlei;

GRANT INSERT, UPDATE, DELETE ON member, setting, protected_person, dictionary_word, ressort_name TO vorlagenwerk_admin;

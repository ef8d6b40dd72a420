-- Every column that points at a person has an index, so that erasing one person (ON DELETE CASCADE /
-- SET NULL) finds their rows instead of reading whole tables. Where the column is empty for most rows
-- (an inbox row forgets its person once its replies are sent; most outbox rows are about nobody else)
-- the index keeps only the rows that name someone, and stays small.
CREATE INDEX inbox_person ON inbox (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX outbox_person ON outbox (person_id);
CREATE INDEX outbox_about ON outbox (about_id) WHERE about_id IS NOT NULL;
CREATE INDEX invites_used_by ON invites (used_by) WHERE used_by IS NOT NULL;
CREATE INDEX audit_viewer ON audit (viewer_id) WHERE viewer_id IS NOT NULL;
CREATE INDEX audit_person ON audit (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX chats_person ON chats (person_id, closed_at);
CREATE INDEX chats_counselor ON chats (counselor_id) WHERE counselor_id IS NOT NULL;
CREATE INDEX chat_messages_chat ON chat_messages (chat_id, delivered);
CREATE INDEX appointments_counselor ON appointments (counselor_id) WHERE counselor_id IS NOT NULL;
CREATE INDEX groups_facilitator ON groups (facilitator_id) WHERE facilitator_id IS NOT NULL;
CREATE INDEX group_attendance_person ON group_attendance (person_id);

-- The people with messages kept for them to ask for (Zalo lock screens), read once at start.
CREATE INDEX outbox_kept ON outbox (person_id) WHERE status = 'kept';

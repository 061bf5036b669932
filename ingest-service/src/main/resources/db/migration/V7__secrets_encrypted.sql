-- Inbox secrets, verify tokens and access tokens are stored AES-GCM encrypted as enc:<key id>:<base64>, longer than
-- the plain values; the service re-encrypts rows written in plain text by earlier versions at start-up.
alter table inbox alter column secret type text;
alter table inbox alter column verify_token type text;
alter table inbox alter column access_token type text;

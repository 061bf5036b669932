-- Canned replies, managed per team: agents insert them in the reply box, placeholders filled in by the gateway.
create table canned_reply (
    id uuid primary key,
    team text not null,
    shortcut text not null,
    title text not null,
    text text not null,
    updated_by text not null,
    updated_at timestamptz not null,
    constraint canned_reply_shortcut_per_team unique (team, shortcut)
);

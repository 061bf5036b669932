-- How agents' replies from an inbox are signed: nothing, their initials (^AB, as on X) or their first name.
alter table inbox_settings
    add column reply_signature text not null default 'none'
        constraint inbox_settings_reply_signature check (reply_signature in ('none', 'initials', 'name'));

-- How long a customer has waited is what the unanswered SLA timer measures; the column repeated it and nothing read it.
alter table conversation drop column awaiting_reply_since;

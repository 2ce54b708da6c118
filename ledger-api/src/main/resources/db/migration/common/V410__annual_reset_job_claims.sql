-- An annual reset job is worked by one instance at a time: the one that claimed it, until its claim lapses
-- (the instance died or lost the database); then any instance takes the job up where it stood.
alter table annual_reset_job add column owner varchar(255);
alter table annual_reset_job add column claimed_until timestamp with time zone;

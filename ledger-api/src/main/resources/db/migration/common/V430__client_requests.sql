-- Each client's request identifier, recorded once in the transaction of the events it caused: the fingerprint
-- of what the client sent under it and the answer it got, so that a retry is answered as the first time was and a
-- different request under the same identifier is refused. The key refuses a second first request of a race.
create table client_request (
    municipality        varchar(40)              not null,
    kind                varchar(32)              not null,
    client_id           varchar(200)             not null,
    fingerprint         char(64)                 not null,
    target              varchar(200),
    balance_after_cents bigint,
    recorded_at         timestamp with time zone not null,
    primary key (municipality, kind, client_id)
);

-- The RIS outbox owns its state: one row per status change, written in the change's own transaction
-- (so no change is lost between database and queue). PENDING: to send; QUEUED: on the durable
-- outbound queue; DELIVERED: the RIS answered AA; DISABLED: RIS messaging was off at the change.
-- Until now these were columns of order_status_change; the rows move over unchanged.
CREATE TABLE ris_outbox (
    status_change_id BIGINT PRIMARY KEY REFERENCES order_status_change (id),
    state            VARCHAR(16) NOT NULL,
    queued_at        TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ris_outbox_state ON ris_outbox (state, status_change_id);

INSERT INTO ris_outbox (status_change_id, state, queued_at, delivered_at)
SELECT id, ris_state, ris_queued_at, ris_delivered_at FROM order_status_change;

DROP INDEX order_status_change_ris;
ALTER TABLE order_status_change DROP COLUMN ris_state;
ALTER TABLE order_status_change DROP COLUMN ris_queued_at;
ALTER TABLE order_status_change DROP COLUMN ris_delivered_at;

-- Densitometry fails safe: the device a result came from (LSC and serial comparison are per device,
-- not per manufacturer), the VFA findings read from it, and whether the computed result needs a
-- reporter before anything is reported from it.
ALTER TABLE dxa_result ADD COLUMN device_serial_number VARCHAR(64);
ALTER TABLE dxa_result ADD COLUMN station_name VARCHAR(16);
ALTER TABLE dxa_result ADD COLUMN vfa_json VARCHAR;
ALTER TABLE dxa_result ADD COLUMN needs_reporter_review BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX dxa_result_review ON dxa_result (needs_reporter_review);

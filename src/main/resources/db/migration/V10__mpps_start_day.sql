-- The day a scan started, as the scanner reported it by MPPS (Performed Procedure Step Start Date),
-- stored as a date for matching results by patient and scan day; started_at keeps the text the
-- scanner sent (DA + TM). Rows already stored are read by the rule the MPPS SCP now uses: the
-- first eight characters, trimmed, when they are the digits of a real date; otherwise no day.
-- Written in the SQL that H2 (2.x) and PostgreSQL (13+) both accept unchanged; scratch columns
-- hold the pieces so that no CAST runs on text that is not digits.
ALTER TABLE performed_procedure_step ADD COLUMN started_on DATE;
ALTER TABLE performed_procedure_step ADD COLUMN v10_text VARCHAR(26);
ALTER TABLE performed_procedure_step ADD COLUMN v10_y INTEGER;
ALTER TABLE performed_procedure_step ADD COLUMN v10_m INTEGER;
ALTER TABLE performed_procedure_step ADD COLUMN v10_d INTEGER;

UPDATE performed_procedure_step SET v10_text = TRIM(started_at);
UPDATE performed_procedure_step SET v10_y = CAST(SUBSTRING(v10_text FROM 1 FOR 4) AS INTEGER),
        v10_m = CAST(SUBSTRING(v10_text FROM 5 FOR 2) AS INTEGER),
        v10_d = CAST(SUBSTRING(v10_text FROM 7 FOR 2) AS INTEGER)
    WHERE TRANSLATE(SUBSTRING(v10_text FROM 1 FOR 8), '0123456789', '##########') = '########';
UPDATE performed_procedure_step SET started_on = CAST(SUBSTRING(v10_text FROM 1 FOR 4) || '-'
        || SUBSTRING(v10_text FROM 5 FOR 2) || '-' || SUBSTRING(v10_text FROM 7 FOR 2) AS DATE)
    WHERE v10_y >= 1 AND v10_m BETWEEN 1 AND 12 AND v10_d BETWEEN 1 AND CASE
        WHEN v10_m = 2 THEN CASE WHEN MOD(v10_y, 4) = 0 AND (MOD(v10_y, 100) <> 0 OR MOD(v10_y, 400) = 0) THEN 29 ELSE 28 END
        WHEN v10_m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;

ALTER TABLE performed_procedure_step DROP COLUMN v10_text;
ALTER TABLE performed_procedure_step DROP COLUMN v10_y;
ALTER TABLE performed_procedure_step DROP COLUMN v10_m;
ALTER TABLE performed_procedure_step DROP COLUMN v10_d;
CREATE INDEX performed_procedure_step_started_on ON performed_procedure_step (started_on);

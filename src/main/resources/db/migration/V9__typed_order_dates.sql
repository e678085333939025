-- Typed order values (#10): the order dates, kept until now as the HL7 text the RIS sent, become
-- DATE/TIME columns, and the patient's sex becomes one of F, M, U. The HL7 mapper reads new
-- messages into these types (hl7/Hl7Time, hl7/PatientMapper); this migration reads the rows
-- already stored by the same rules:
--   * a TS is read from its leading ASCII digits after trimming: YYYYMMDD is the day (a real
--     date, year 1 or later), HHMM then the time of day, SS the seconds when sent (else 0); the
--     fraction and the offset are not read (RIS times are local wall-clock times);
--   * a time of day that is not a real one (25:00) is dropped, the day kept;
--   * text that is not a date with a day (malformed, impossible like 20261340, a year alone)
--     becomes no date, never a guessed one, and the text moves to *_unreadable: the gate holds
--     such an order for a practitioner, who sees what was sent.
-- Written in the SQL that H2 (2.x) and PostgreSQL (13+) both accept unchanged. Scratch columns
-- (v9_*) hold the pieces so that no CAST runs on text that is not digits.

ALTER TABLE dxa_order ADD COLUMN requested_day DATE;
ALTER TABLE dxa_order ADD COLUMN requested_time TIME;
ALTER TABLE dxa_order ADD COLUMN requested_date_unreadable VARCHAR(26);
ALTER TABLE dxa_order ADD COLUMN referral_day DATE;
ALTER TABLE dxa_order ADD COLUMN referral_date_unreadable VARCHAR(26);
ALTER TABLE dxa_order ADD COLUMN v9_text VARCHAR(26);
ALTER TABLE dxa_order ADD COLUMN v9_y INTEGER;
ALTER TABLE dxa_order ADD COLUMN v9_m INTEGER;
ALTER TABLE dxa_order ADD COLUMN v9_d INTEGER;
ALTER TABLE dxa_order ADD COLUMN v9_hh INTEGER;
ALTER TABLE dxa_order ADD COLUMN v9_mi INTEGER;
ALTER TABLE dxa_order ADD COLUMN v9_ss INTEGER;

-- The requested date: day and time of day.
UPDATE dxa_order SET v9_text = TRIM(requested_date);
UPDATE dxa_order SET v9_y = CAST(SUBSTRING(v9_text FROM 1 FOR 4) AS INTEGER),
        v9_m = CAST(SUBSTRING(v9_text FROM 5 FOR 2) AS INTEGER),
        v9_d = CAST(SUBSTRING(v9_text FROM 7 FOR 2) AS INTEGER)
    WHERE TRANSLATE(SUBSTRING(v9_text FROM 1 FOR 8), '0123456789', '##########') = '########';
UPDATE dxa_order SET requested_day = CAST(SUBSTRING(v9_text FROM 1 FOR 4) || '-' || SUBSTRING(v9_text FROM 5 FOR 2)
        || '-' || SUBSTRING(v9_text FROM 7 FOR 2) AS DATE)
    WHERE v9_y >= 1 AND v9_m BETWEEN 1 AND 12 AND v9_d BETWEEN 1 AND CASE
        WHEN v9_m = 2 THEN CASE WHEN MOD(v9_y, 4) = 0 AND (MOD(v9_y, 100) <> 0 OR MOD(v9_y, 400) = 0) THEN 29 ELSE 28 END
        WHEN v9_m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;
UPDATE dxa_order SET v9_hh = CAST(SUBSTRING(v9_text FROM 9 FOR 2) AS INTEGER),
        v9_mi = CAST(SUBSTRING(v9_text FROM 11 FOR 2) AS INTEGER),
        v9_ss = CASE WHEN TRANSLATE(SUBSTRING(v9_text FROM 13 FOR 2), '0123456789', '##########') = '##'
            THEN CAST(SUBSTRING(v9_text FROM 13 FOR 2) AS INTEGER) ELSE 0 END
    WHERE requested_day IS NOT NULL
        AND TRANSLATE(SUBSTRING(v9_text FROM 9 FOR 4), '0123456789', '##########') = '####';
UPDATE dxa_order SET requested_time = CAST(SUBSTRING(v9_text FROM 9 FOR 2) || ':' || SUBSTRING(v9_text FROM 11 FOR 2)
        || ':' || CASE WHEN v9_ss < 10 THEN '0' ELSE '' END || CAST(v9_ss AS VARCHAR(2)) AS TIME)
    WHERE v9_hh BETWEEN 0 AND 23 AND v9_mi BETWEEN 0 AND 59 AND v9_ss BETWEEN 0 AND 59;
UPDATE dxa_order SET requested_date_unreadable = v9_text WHERE requested_day IS NULL AND v9_text <> '';

-- The referral date (ORC-9): the day only, "at referral".
UPDATE dxa_order SET v9_text = TRIM(referral_date), v9_y = NULL, v9_m = NULL, v9_d = NULL;
UPDATE dxa_order SET v9_y = CAST(SUBSTRING(v9_text FROM 1 FOR 4) AS INTEGER),
        v9_m = CAST(SUBSTRING(v9_text FROM 5 FOR 2) AS INTEGER),
        v9_d = CAST(SUBSTRING(v9_text FROM 7 FOR 2) AS INTEGER)
    WHERE TRANSLATE(SUBSTRING(v9_text FROM 1 FOR 8), '0123456789', '##########') = '########';
UPDATE dxa_order SET referral_day = CAST(SUBSTRING(v9_text FROM 1 FOR 4) || '-' || SUBSTRING(v9_text FROM 5 FOR 2)
        || '-' || SUBSTRING(v9_text FROM 7 FOR 2) AS DATE)
    WHERE v9_y >= 1 AND v9_m BETWEEN 1 AND 12 AND v9_d BETWEEN 1 AND CASE
        WHEN v9_m = 2 THEN CASE WHEN MOD(v9_y, 4) = 0 AND (MOD(v9_y, 100) <> 0 OR MOD(v9_y, 400) = 0) THEN 29 ELSE 28 END
        WHEN v9_m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;
UPDATE dxa_order SET referral_date_unreadable = v9_text WHERE referral_day IS NULL AND v9_text <> '';

ALTER TABLE dxa_order DROP COLUMN v9_text;
ALTER TABLE dxa_order DROP COLUMN v9_y;
ALTER TABLE dxa_order DROP COLUMN v9_m;
ALTER TABLE dxa_order DROP COLUMN v9_d;
ALTER TABLE dxa_order DROP COLUMN v9_hh;
ALTER TABLE dxa_order DROP COLUMN v9_mi;
ALTER TABLE dxa_order DROP COLUMN v9_ss;
ALTER TABLE dxa_order DROP COLUMN requested_date;
ALTER TABLE dxa_order DROP COLUMN referral_date;
ALTER TABLE dxa_order RENAME COLUMN requested_day TO requested_date;
ALTER TABLE dxa_order RENAME COLUMN referral_day TO referral_date;
-- Results are matched to orders by patient and day (results/ResultMatcher).
CREATE INDEX dxa_order_requested_date ON dxa_order (requested_date);

-- The patient's sex (PID-8, HL7 table 0001) as the one reading every step uses: F and M as such,
-- any other code U, nothing sent NULL (a later message without PID-8 keeps what is known).
UPDATE patient SET sex = CASE WHEN UPPER(TRIM(sex)) IN ('F', 'M') THEN UPPER(TRIM(sex))
        WHEN TRIM(sex) = '' THEN NULL ELSE 'U' END
    WHERE sex IS NOT NULL;

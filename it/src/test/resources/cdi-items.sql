-- Seed rows for the CDI load-script test; the semicolon in the first value does not end its statement.
INSERT INTO cdi_items (code) VALUES ('seeded; one');
/* a comment; with a semicolon */
INSERT INTO cdi_items (code) VALUES ('two');

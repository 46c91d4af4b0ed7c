INSERT INTO boot_notes (id, text) VALUES (1, 'seeded');

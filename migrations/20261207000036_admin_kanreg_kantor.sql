-- Identity (#13): a Kanreg admin's grant carries its Kanreg's office, as its L3 verifiers'
-- and help-desk officers' do, so that admin BKN manages the Kanreg's admins with the rest of
-- the office's staff (an account is managed at a place by its grants' office).
UPDATE role_grant SET kantor_id = kanreg_id WHERE role = 'admin_kanreg' AND kanreg_id > 0 AND kantor_id IS NULL;
